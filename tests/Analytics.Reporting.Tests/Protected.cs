using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;

namespace Analytics.Reporting.Tests;

/// <summary>Raw figures as the report builder makes them, and the protected report disclosure control makes of them.</summary>
internal static class Protected
{
    public static readonly DisclosureControl Disclosure = new(new DisclosureOptions());

    /// <summary>A sector breakdown with one person per count: (code, count) in the seeded sectors, labelled as seeded.</summary>
    public static Breakdown Sectors(params (string Code, int Persons)[] cells) =>
        new(Dimension.Sector.Code(), [.. cells.Select(c => new Tally(c.Code, Taxonomy.Find(Taxonomy.Sectors, c.Code)!.NameSv, c.Persons, c.Persons))]);

    public static ReportFigures Event(string slug, int registered, int attended, Breakdown sectors) =>
        new(ReportScope.ForEvent(slug), 1, 1, registered, attended, attended, sectors.Total, 0, [sectors]);

    public static ProtectedReport Report(ReportFigures figures) => Disclosure.Protect(figures);
}
