using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Metrics;
using Analytics.Core.Participations;
using Analytics.Core.Reports;
using Analytics.Core.Targets;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Figures;

/// <summary>
/// Computes the raw figures of a scope from the database. Breakdowns count attendees where the event has an attendance
/// list and registrations otherwise; guests add to headcounts only. Runs in jobs, never on a page request.
/// </summary>
public sealed class ReportBuilder(AnalyticsDbContext db)
{
    public const string UnmappedOrganisation = "ej-mappad";

    // Read once per builder, that is once per recompute run, not once per scope. An organisation created by an import
    // during the run raises that event's version, so the scopes it touches are stale again and recomputed after it.
    private Lookups? _lookups;
    private FirstCounted? _firstCounted;

    public async Task<ReportFigures?> BuildEventAsync(string slug, CancellationToken cancellationToken = default)
    {
        var events = db.Events.Where(e => e.Slug == slug);
        if (!await events.AnyAsync(cancellationToken)) return null;
        return await BuildAsync(ReportScope.ForEvent(slug), events, cancellationToken);
    }

    public Task<ReportFigures> BuildQuarterAsync(Quarter quarter, CancellationToken cancellationToken = default) =>
        BuildAsync(ReportScope.ForQuarter(quarter),
            db.Events.Where(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc), cancellationToken);

    /// <summary>Every event the organisation hosted or co-hosted; null when there is no such organisation.</summary>
    public async Task<ReportFigures?> BuildHostAsync(int organisationId, CancellationToken cancellationToken = default)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken)) return null;
        return await BuildAsync(ReportScope.ForHost(organisationId),
            db.Events.Where(e => e.Hosts.Any(h => h.OrganisationId == organisationId)), cancellationToken);
    }

    public Task<ReportFigures> BuildAllTimeAsync(CancellationToken cancellationToken = default) =>
        BuildAsync(ReportScope.AllTime, db.Events, cancellationToken);

    private async Task<ReportFigures> BuildAsync(ReportScope scope, IQueryable<Event> events, CancellationToken cancellationToken)
    {
        var starts = await events.Select(e => new { e.Id, e.StartsAtUtc }).ToDictionaryAsync(e => e.Id, e => e.StartsAtUtc, cancellationToken);
        var eventIds = starts.Keys.ToList();
        var rows = await db.Participations.AsNoTracking()
            .Where(p => eventIds.Contains(p.EventId))
            .Select(p => new Row(p.EventId, p.AttendeeKey, p.Rsvp, p.Attendance, p.Guests, p.HasProfile, p.RoleCode,
                p.SectorCode, p.ProfessionCode, p.OrganisationId, p.UnmappedOrganisation, p.MunicipalityCode, p.RecordKey))
            .ToListAsync(cancellationToken);

        // An event's attendance is known when its list marked anyone as attended or absent.
        var attendanceKnown = rows.Where(r => r.Attendance != Attendance.Unknown).Select(r => r.EventId).ToHashSet();
        var counted = rows.Where(r => attendanceKnown.Contains(r.EventId) ? r.Attendance == Attendance.Attended : r.Rsvp == Rsvp.Yes).ToList();
        var profiled = counted.Where(r => r.HasProfile).ToList();

        var registered = rows.Where(r => r.Rsvp == Rsvp.Yes).ToList();
        var speakers = counted.Where(r => r.Role == RoleCodes.Speaker).ToList();
        var audience = counted.Where(r => r.Role == RoleCodes.Participant).ToList();

        var lookups = _lookups ??= await LookupsAsync(cancellationToken);
        var tallies = new Tallies(lookups.Labels, lookups.Organisations);
        var profile = tallies.Profile(profiled);

        return new ReportFigures(scope, eventIds.Count, attendanceKnown.Count,
            Registered: registered.Sum(r => 1 + r.Guests),
            Attended: attendanceKnown.Count == 0 ? null : rows.Where(r => r.Attendance == Attendance.Attended).Sum(r => 1 + r.Guests),
            Counted: counted.Count,
            WithProfile: profiled.Count,
            Guests: registered.Sum(r => r.Guests),
            Breakdowns: [.. profile, tallies.Of(Dimension.Role, counted, r => r.Role)])
        {
            HeadcountKeys = new HeadcountKeys(KeySum(registered), KeySum(rows.Where(r => r.Attendance == Attendance.Attended)),
                KeySum(profiled)),
            Reach = await ReachAsync(starts, counted, lookups.SectorByOrganisation,
                profile.Single(b => b.Dimension == Dimension.Organisation.Code()), cancellationToken),
            Balance = tallies.Balance(profile, lookups.Targets),
            Subsets =
            [
                tallies.SubsetOf(Subset.Speakers, speakers), tallies.SubsetOf(Subset.Audience, audience),
                tallies.SubsetOf(Subset.Registered, registered),
            ],
        };
    }

    /// <summary>
    /// Reach of the counted rows. History is when the scope's organisations and attendees were first counted anywhere:
    /// for an event, whether they came to an event before it; for a quarter, to a quarter before it; for a host, whether
    /// the network saw them before the host's events.
    /// </summary>
    private async Task<ReachFigures> ReachAsync(Dictionary<int, DateTime> starts, List<Row> counted,
        Dictionary<int, string> sectorByOrganisation, Breakdown organisations, CancellationToken cancellationToken)
    {
        var scope = counted.Select(r => new ReachRow(r.EventId, starts[r.EventId], r.AttendeeKey, null, null, null)).ToList();
        var profiled = counted.Where(r => r.HasProfile)
            .Select(r => new ReachRow(r.EventId, starts[r.EventId], r.AttendeeKey, r.OrganisationId, r.Sector, r.Municipality)).ToList();
        var eventIds = starts.Keys.ToList();
        var history = starts.Count == 0 ? [] : await HistoryAsync(
            [.. profiled.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!.Value).Distinct()],
            [.. scope.Where(r => r.AttendeeKey is not null).Select(r => r.AttendeeKey!).Distinct()], cancellationToken);
        var hostCounts = await db.EventHosts.Where(h => eventIds.Contains(h.EventId))
            .GroupBy(h => h.EventId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(h => h.Key, h => h.Count, cancellationToken);
        var ties = CollaborationNetwork.Ties(profiled.Where(r => r.OrganisationId is not null)
            .GroupBy(r => r.EventId).Select(g => g.Select(r => r.OrganisationId!.Value)));

        return new ReachFigures(
            Reach.DistinctOrganisations(profiled), Reach.DistinctSectors(profiled), Reach.DistinctMunicipalities(profiled),
            Reach.NewOrganisations(profiled, history), Reach.ReturningAttendees(scope, history),
            Reach.ShareOfCrossSectorEvents(profiled, eventIds),
            Reach.ShareOfCoHostedEvents([.. eventIds.Select(id => new EventHosts(id, hostCounts.GetValueOrDefault(id)))]),
            new TieNetworkFigures(ties.Count, ties.Sum(t => t.Weight), EiIndex.Weighted(ties, sectorByOrganisation)))
        {
            TieGraph = TieGraphOf(ties, organisations),
        };
    }

    /// <summary>The ties by the organisations' codes in the breakdown, with the tallies of the organisations that have one.</summary>
    private static TieGraphFigures TieGraphOf(IReadOnlyList<Tie> ties, Breakdown organisations)
    {
        static string Code(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tied = ties.SelectMany(t => new[] { Code(t.First), Code(t.Second) }).ToHashSet(StringComparer.Ordinal);
        return new TieGraphFigures([.. organisations.Tallies.Where(t => tied.Contains(t.Code))],
            [.. ties.Select(t => new OrganisationTie(Code(t.First), Code(t.Second), t.Weight))]);
    }

    /// <summary>
    /// What reach needs of history, for the scope's own organisations and attendees: when each was first counted at any
    /// event, as one row each. New organisations and returning attendees depend only on that earliest start: rows of the
    /// scope itself or of later events can never be earlier than the scope's own, so reading them changes nothing, and
    /// the first starts can be read once for every scope of a run instead of reading each scope's history rows (a big
    /// organisation's history is a large part of the table, and reading it per event made recompute quadratic).
    /// </summary>
    private async Task<List<ReachRow>> HistoryAsync(List<int> organisationIds, List<string> attendeeKeys, CancellationToken cancellationToken)
    {
        var first = _firstCounted ??= await FirstCountedAsync(cancellationToken);
        return
        [
            .. organisationIds.Where(first.Organisations.ContainsKey)
                .Select(id => new ReachRow(0, first.Organisations[id], null, id, null, null)),
            .. attendeeKeys.Where(first.Attendees.ContainsKey)
                .Select(key => new ReachRow(0, first.Attendees[key], key, null, null, null)),
        ];
    }

    /// <summary>The earliest start of an event at which each organisation (with a profile) and each attendee was counted.</summary>
    private async Task<FirstCounted> FirstCountedAsync(CancellationToken cancellationToken)
    {
        var counted = from p in db.Participations.AsNoTracking()
                      join e in db.Events on p.EventId equals e.Id
                      where p.Attendance == Attendance.Attended
                            || (p.Rsvp == Rsvp.Yes && !db.Participations.Any(q => q.EventId == p.EventId && q.Attendance != Attendance.Unknown))
                      select new { p.AttendeeKey, p.HasProfile, p.OrganisationId, e.StartsAtUtc };
        var organisations = await counted.Where(r => r.HasProfile && r.OrganisationId != null)
            .GroupBy(r => r.OrganisationId!.Value).Select(g => new { g.Key, First = g.Min(r => r.StartsAtUtc) })
            .ToDictionaryAsync(g => g.Key, g => g.First, cancellationToken);
        var attendees = await counted.Where(r => r.AttendeeKey != null)
            .GroupBy(r => r.AttendeeKey!).Select(g => new { g.Key, First = g.Min(r => r.StartsAtUtc) })
            .ToDictionaryAsync(g => g.Key, g => g.First, StringComparer.Ordinal, cancellationToken);
        return new FirstCounted(organisations, attendees);
    }

    private sealed record FirstCounted(Dictionary<int, DateTime> Organisations, Dictionary<string, DateTime> Attendees);

    private static double KeySum(IEnumerable<Row> rows) => CellKey.KeySum(rows.Select(r => r.RecordKey));

    private async Task<Lookups> LookupsAsync(CancellationToken cancellationToken)
    {
        var labels = (await db.TaxonomyCategories.AsNoTracking().Select(c => new { c.Dimension, c.Code, c.NameSv }).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.Dimension, c.Code), c => c.NameSv);
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.SectorCode })
            .ToDictionaryAsync(o => o.Id, o => (o.Name, o.SectorCode), cancellationToken);
        return new Lookups(labels, organisations, organisations.ToDictionary(o => o.Key, o => o.Value.SectorCode),
            await db.TargetMixes.AsNoTracking().ToListAsync(cancellationToken));
    }

    /// <summary>Taxonomy labels, organisations and targets: what every scope's figures are labelled and compared with.</summary>
    private sealed record Lookups(Dictionary<(string, string), string> Labels, Dictionary<int, (string Name, string SectorCode)> Organisations,
        Dictionary<int, string> SectorByOrganisation, List<TargetMix> Targets);

    /// <summary>Counts rows into breakdowns, labelled with the taxonomy's Swedish names and the organisations' names.</summary>
    private sealed class Tallies(Dictionary<(string, string), string> labels, Dictionary<int, (string Name, string SectorCode)> organisations)
    {
        public Subset SubsetOf(string name, IReadOnlyList<Row> counted)
        {
            var profiled = counted.Where(r => r.HasProfile).ToList();
            return new Subset(name, counted.Count, profiled.Count, Profile(profiled));
        }

        public List<Breakdown> Profile(IReadOnlyList<Row> profiled) =>
        [
            Of(Dimension.Sector, profiled, r => r.Sector),
            Of(Dimension.Profession, profiled, r => r.Profession),
            Organisations(profiled),
            Of(Dimension.Municipality, profiled, r => r.Municipality),
        ];

        public Breakdown Of(Dimension dimension, IEnumerable<Row> rows, Func<Row, string?> code) =>
            new(dimension.Code(), rows.Where(r => code(r) is not null).GroupBy(r => code(r)!)
                .Select(g => new Tally(g.Key, Label(dimension, g.Key), g.Count(), Persons(g), KeySum: KeySum(g))).ToList());

        private Breakdown Organisations(IEnumerable<Row> profiled) =>
            new(Dimension.Organisation.Code(), profiled
                .Where(r => r.OrganisationId is not null || r.UnmappedOrganisation is not null)
                .GroupBy(r => r.OrganisationId)
                .Select(g =>
                {
                    if (g.Key is not { } id || !organisations.TryGetValue(id, out var o))
                        return new Tally(UnmappedOrganisation, "Ej mappad organisation", g.Count(), Persons(g), KeySum: KeySum(g));
                    return new Tally(id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Name, g.Count(), Persons(g),
                        o.SectorCode, Label(Dimension.Sector, o.SectorCode), KeySum(g));
                }).ToList());

        /// <summary>
        /// Each profile breakdown that has a target mix, against it: every category with a target or with people. A
        /// dimension counts as example targets when any of its targets is one.
        /// </summary>
        public List<BalanceFigures> Balance(IReadOnlyList<Breakdown> profile, IReadOnlyList<TargetMix> targets) =>
        [
            .. targets.GroupBy(t => t.Dimension)
                .Select(g => (Targets: g.ToList(), Breakdown: profile.FirstOrDefault(b => b.Dimension == g.Key)))
                .Where(d => d.Breakdown is not null && d.Breakdown.Dimension != Dimension.Organisation.Code())
                .OrderBy(d => d.Breakdown!.Dimension, StringComparer.Ordinal)
                .Select(d =>
                {
                    var counts = d.Breakdown!.Tallies.ToDictionary(t => t.Code, t => t.Count);
                    var shares = d.Targets.ToDictionary(t => t.Code, t => t.Share);
                    return new BalanceFigures(d.Breakdown.Dimension, d.Targets.Any(t => t.IsExample), d.Breakdown.Total,
                        [.. shares.Keys.Union(counts.Keys)
                            .Select(code => new BalanceCount(code, labels.GetValueOrDefault((d.Breakdown.Dimension, code)) ?? code,
                                counts.GetValueOrDefault(code), shares.GetValueOrDefault(code)))
                            .OrderByDescending(c => c.Target).ThenBy(c => c.Label, StringComparer.Ordinal)]);
                }),
        ];

        private string Label(Dimension dimension, string code) => labels.GetValueOrDefault((dimension.Code(), code)) ?? code;

        /// <summary>Distinct people: a returning attendee counts once; rows without a key are each their own person.</summary>
        private static int Persons(IEnumerable<Row> rows)
        {
            var keyed = rows.Where(r => r.AttendeeKey is not null).Select(r => r.AttendeeKey).Distinct().Count();
            return keyed + rows.Count(r => r.AttendeeKey is null);
        }

    }

    private sealed record Row(int EventId, string? AttendeeKey, Rsvp Rsvp, Attendance Attendance, int Guests, bool HasProfile,
        string Role, string? Sector, string? Profession, int? OrganisationId, string? UnmappedOrganisation, string? Municipality,
        double RecordKey);
}
