using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;

namespace Analytics.Core.Tests.Disclosure;

/// <summary>Raw breakdowns as the report builders make them, for feeding disclosure control.</summary>
internal static class Breakdowns
{
    /// <summary>
    /// A sector breakdown of one event: the i-th number is the persons in the i-th seeded sector (stat, region, kommun, …),
    /// each counted once.
    /// </summary>
    public static Breakdown Sector(params int[] persons) =>
        new(Dimension.Sector.Code(), [.. persons.Select((p, i) => new Tally(Taxonomy.Sectors[i].Code, Taxonomy.Sectors[i].NameSv, p, p))]);

    /// <summary>A sector breakdown over several events, where returning people add to the count but not to the persons.</summary>
    public static Breakdown SectorWithReturningPeople(params (int Count, int Persons)[] cells) =>
        new(Dimension.Sector.Code(),
            [.. cells.Select((c, i) => new Tally(Taxonomy.Sectors[i].Code, Taxonomy.Sectors[i].NameSv, c.Count, c.Persons))]);

    /// <summary>An organisation breakdown; each organisation belongs to its sector, by sector code.</summary>
    public static Breakdown ByOrganisation(params (string Name, string Sector, int Persons)[] organisations) =>
        new(Dimension.Organisation.Code(), [.. organisations.Select(o => new Tally(
            o.Name.ToLowerInvariant().Replace(' ', '-'), o.Name, o.Persons, o.Persons,
            o.Sector, Taxonomy.Find(Taxonomy.Sectors, o.Sector)!.NameSv))]);

    /// <summary>A breakdown against targets, as the report builder makes it: every category with a target or with people.</summary>
    public static BalanceFigures Balance(Breakdown breakdown, bool isExample, params (string Code, double Target)[] targets)
    {
        var counts = breakdown.Tallies.Where(t => t.Count > 0).ToDictionary(t => t.Code, t => t.Count);
        var shares = targets.ToDictionary(t => t.Code, t => t.Target);
        return new BalanceFigures(breakdown.Dimension, isExample, breakdown.Total, [.. counts.Keys.Union(shares.Keys).Select(code =>
            new BalanceCount(code, Taxonomy.Find(Taxonomy.Sectors, code)!.NameSv, counts.GetValueOrDefault(code), shares.GetValueOrDefault(code)))]);
    }

    public static ReportFigures Event(string slug, int registered, int? attended, int withProfile, params Breakdown[] breakdowns) =>
        new(ReportScope.ForEvent(slug), 1, attended is null ? 0 : 1, registered, attended, attended ?? registered, withProfile, 0, breakdowns);
}
