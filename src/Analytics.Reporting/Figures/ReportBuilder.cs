using System.Runtime.CompilerServices;
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
        var events = await EventsAsync(db.Events.Where(e => e.Slug == slug), cancellationToken);
        if (events.Count == 0) return null;
        return await BuildAsync(ReportScope.ForEvent(slug), events, cancellationToken);
    }

    public async Task<ReportFigures> BuildQuarterAsync(Quarter quarter, CancellationToken cancellationToken = default) =>
        await BuildAsync(ReportScope.ForQuarter(quarter),
            await EventsAsync(db.Events.Where(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc), cancellationToken),
            cancellationToken);

    /// <summary>Every event the organisation hosted or co-hosted; null when there is no such organisation.</summary>
    public async Task<ReportFigures?> BuildHostAsync(int organisationId, CancellationToken cancellationToken = default)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken)) return null;
        return await BuildAsync(ReportScope.ForHost(organisationId),
            await EventsAsync(db.Events.Where(e => e.Hosts.Any(h => h.OrganisationId == organisationId)), cancellationToken),
            cancellationToken);
    }

    public async Task<ReportFigures> BuildAllTimeAsync(CancellationToken cancellationToken = default) =>
        await BuildAsync(ReportScope.AllTime, await EventsAsync(db.Events, cancellationToken), cancellationToken);

    /// <summary>
    /// The figures of many scopes from one read of their rows, in the order given; a scope that no longer exists (an
    /// event or host organisation removed) is left out. This is what a recompute of many scopes runs: reading the rows
    /// of each scope on its own read every row about four times (its event, quarter, hosts and all time), with a few
    /// queries per scope, and at 20,000 events the queries alone cost more than the figures.
    /// </summary>
    public async IAsyncEnumerable<ReportFigures> BuildManyAsync(IReadOnlyList<ReportScope> scopes,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lookups = _lookups ??= await LookupsAsync(cancellationToken);
        var all = await EventsAsync(db.Events, cancellationToken);
        var bySlug = all.ToDictionary(e => e.Slug, StringComparer.Ordinal);
        var byHost = all.SelectMany(e => e.Hosts.Distinct().Select(host => (Host: host, Event: e)))
            .GroupBy(h => h.Host).ToDictionary(g => g.Key, g => g.Select(h => h.Event).ToList());
        var members = scopes.Select(scope => EventsOf(scope, all, bySlug, byHost, lookups)).ToList();
        var needed = members.Where(m => m is not null).SelectMany(m => m!).Select(e => e.Id).ToHashSet();
        if (needed.Count == 0) yield break;
        var rows = await RowsByEventAsync(needed.Count == all.Count ? null : [.. needed.Order()], cancellationToken);
        // With every row at hand, when each organisation and attendee was first counted is one pass over them, not two
        // more queries over the whole table.
        if (needed.Count == all.Count) _firstCounted ??= FirstCountedOf(all, rows);
        for (var i = 0; i < scopes.Count; i++)
            if (members[i] is { } events)
                yield return await ComputeAsync(scopes[i], events, rows, cancellationToken);
    }

    /// <summary>The events of a scope, in order of id as they were read; null when the scope no longer exists.</summary>
    private static List<ScopeEvent>? EventsOf(ReportScope scope, List<ScopeEvent> all, Dictionary<string, ScopeEvent> bySlug,
        Dictionary<int, List<ScopeEvent>> byHost, Lookups lookups) => scope.Kind switch
    {
        ReportScope.EventKind => bySlug.TryGetValue(scope.Key, out var one) ? [one] : null,
        ReportScope.QuarterKind when Quarter.TryParse(scope.Key, out var quarter) =>
            [.. all.Where(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc)],
        ReportScope.HostKind when scope.HostOrganisationId() is { } host && lookups.Organisations.ContainsKey(host) =>
            byHost.GetValueOrDefault(host) ?? [],
        ReportScope.AllTimeKind => all,
        _ => null,
    };

    private async Task<ReportFigures> BuildAsync(ReportScope scope, List<ScopeEvent> events, CancellationToken cancellationToken) =>
        await ComputeAsync(scope, events,
            await RowsByEventAsync(scope.Kind == ReportScope.AllTimeKind ? null : [.. events.Select(e => e.Id)], cancellationToken),
            cancellationToken);

    private static async Task<List<ScopeEvent>> EventsAsync(IQueryable<Event> events, CancellationToken cancellationToken) =>
        (await events.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Slug, e.StartsAtUtc, Hosts = e.Hosts.Select(h => h.OrganisationId).ToList() })
            .ToListAsync(cancellationToken))
        .Select(e => new ScopeEvent(e.Id, e.Slug, e.StartsAtUtc, e.Hosts))
        .ToList();

    /// <summary>
    /// The rows of the given events (every event for null), by event, each event's rows in the order of their source key:
    /// a breakdown lists its categories in the order the rows first show them, so the order is fixed to keep a scope's
    /// figures the same however its rows were read. Repeated codes and keys are shared, not kept once per row.
    /// </summary>
    private async Task<Dictionary<int, EventRows>> RowsByEventAsync(IReadOnlyList<int>? eventIds, CancellationToken cancellationToken)
    {
        var byEvent = new Dictionary<int, List<Row>>();
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Share(string? text)
        {
            if (text is null) return null;
            if (shared.TryGetValue(text, out var kept)) return kept;
            shared[text] = text;
            return text;
        }
        // Each attendee key gets a number for this read, so that cells count distinct people in sets of numbers: hashing
        // 32-character keys for every row of every scope was a tenth of a full recompute.
        var persons = new Dictionary<string, int>(StringComparer.Ordinal);
        int PersonOf(string? key)
        {
            if (key is null) return Row.Anonymous;
            if (!persons.TryGetValue(key, out var person)) persons[key] = person = persons.Count;
            return person;
        }

        // Bounded lists of ids: every provider has a limit on parameters (SQL Server about 2,100).
        IEnumerable<int[]?> chunks = eventIds is null ? new int[]?[] { null } : eventIds.Chunk(1000).Cast<int[]?>();
        foreach (var ids in chunks)
        {
            var participations = db.Participations.AsNoTracking();
            if (ids is not null) participations = participations.Where(p => ids.Contains(p.EventId));
            await foreach (var p in participations.OrderBy(p => p.EventId).ThenBy(p => p.SourceKey)
                               .Select(p => new
                               {
                                   p.EventId, p.AttendeeKey, p.Rsvp, p.Attendance, p.Guests, p.HasProfile, p.RoleCode, p.SectorCode,
                                   p.ProfessionCode, p.OrganisationId, p.UnmappedOrganisation, p.MunicipalityCode, p.RecordKey,
                               })
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (!byEvent.TryGetValue(p.EventId, out var list)) byEvent[p.EventId] = list = [];
                list.Add(new Row(p.EventId, Share(p.AttendeeKey), PersonOf(p.AttendeeKey), p.Rsvp, p.Attendance, p.Guests, p.HasProfile, Share(p.RoleCode)!,
                    Share(p.SectorCode), Share(p.ProfessionCode), p.OrganisationId, Share(p.UnmappedOrganisation),
                    Share(p.MunicipalityCode), p.RecordKey));
            }
        }
        return byEvent.ToDictionary(e => e.Key, e => new EventRows(e.Value));
    }

    private async Task<ReportFigures> ComputeAsync(ReportScope scope, List<ScopeEvent> events, Dictionary<int, EventRows> rowsByEvent,
        CancellationToken cancellationToken)
    {
        var lookups = _lookups ??= await LookupsAsync(cancellationToken);
        var first = _firstCounted ??= await FirstCountedAsync(cancellationToken);

        var rows = new List<Row>();
        var counted = new List<Row>();
        var eventsWithAttendance = 0;
        foreach (var e in events)
            if (rowsByEvent.TryGetValue(e.Id, out var own))
            {
                rows.AddRange(own.All);
                counted.AddRange(own.Counted);
                if (own.AttendanceKnown) eventsWithAttendance++;
            }
        var profiled = counted.Where(r => r.HasProfile).ToList();

        var registered = rows.Where(r => r.Rsvp == Rsvp.Yes).ToList();
        var attended = rows.Where(r => r.Attendance == Attendance.Attended).ToList();
        var speakers = counted.Where(r => r.Role == RoleCodes.Speaker).ToList();
        var audience = counted.Where(r => r.Role == RoleCodes.Participant).ToList();

        var tallies = new Tallies(lookups.Labels, lookups.Organisations);
        var profile = tallies.Profile(profiled);

        return new ReportFigures(scope, events.Count, eventsWithAttendance,
            Registered: registered.Sum(r => 1 + r.Guests),
            Attended: eventsWithAttendance == 0 ? null : attended.Sum(r => 1 + r.Guests),
            Counted: counted.Count,
            WithProfile: profiled.Count,
            Guests: registered.Sum(r => r.Guests),
            Breakdowns: [.. profile, tallies.Of(Dimension.Role, counted, r => r.Role)])
        {
            HeadcountKeys = new HeadcountKeys(KeySum(registered), KeySum(attended), KeySum(profiled)),
            Reach = ReachOf(events, counted, first, lookups.SectorByOrganisation, profile.Single(b => b.Dimension == Dimension.Organisation.Code())),
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
    private static ReachFigures ReachOf(List<ScopeEvent> events, List<Row> counted, FirstCounted first,
        Dictionary<int, string> sectorByOrganisation, Breakdown organisations)
    {
        var starts = events.ToDictionary(e => e.Id, e => e.StartsAtUtc);
        var scope = counted.Select(r => new ReachRow(r.EventId, starts[r.EventId], r.AttendeeKey, null, null, null)).ToList();
        var profiled = counted.Where(r => r.HasProfile)
            .Select(r => new ReachRow(r.EventId, starts[r.EventId], r.AttendeeKey, r.OrganisationId, r.Sector, r.Municipality)).ToList();
        var eventIds = events.Select(e => e.Id).ToList();
        var history = events.Count == 0 ? [] : History(first,
            [.. profiled.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!.Value).Distinct()],
            [.. scope.Where(r => r.AttendeeKey is not null).Select(r => r.AttendeeKey!).Distinct()]);
        var ties = CollaborationNetwork.Ties(profiled.Where(r => r.OrganisationId is not null)
            .GroupBy(r => r.EventId).Select(g => g.Select(r => r.OrganisationId!.Value)));

        return new ReachFigures(
            Reach.DistinctOrganisations(profiled), Reach.DistinctSectors(profiled), Reach.DistinctMunicipalities(profiled),
            Reach.NewOrganisations(profiled, history), Reach.ReturningAttendees(scope, history),
            Reach.ShareOfCrossSectorEvents(profiled, eventIds),
            Reach.ShareOfCoHostedEvents([.. events.Select(e => new EventHosts(e.Id, e.Hosts.Count))]),
            new TieNetworkFigures(ties.Count, ties.Sum(t => t.Weight), EiIndex.Weighted(ties, sectorByOrganisation)))
        {
            TieGraph = TieGraphOf(ties, organisations),
        };
    }

    /// <summary>The ties by the organisations' codes in the breakdown, with the tallies of the organisations that have one.</summary>
    private static TieGraphFigures TieGraphOf(IReadOnlyList<Tie> ties, Breakdown organisations)
    {
        static string Code(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tied = new HashSet<int>();
        foreach (var tie in ties)
        {
            tied.Add(tie.First);
            tied.Add(tie.Second);
        }
        var codes = new Dictionary<int, string>(tied.Count);
        foreach (var id in tied) codes[id] = Code(id);
        var tiedCodes = codes.Values.ToHashSet(StringComparer.Ordinal);
        return new TieGraphFigures([.. organisations.Tallies.Where(t => tiedCodes.Contains(t.Code))],
            [.. ties.Select(t => new OrganisationTie(codes[t.First], codes[t.Second], t.Weight))]);
    }

    /// <summary>
    /// The tie network of a single event, from its organisation breakdown alone: every pair of its organisations meets
    /// once, with Newman's weight 1/(n − 1), so the network is the complete graph on the breakdown's organisations. An
    /// event's snapshot stores no network when this gives it exactly (<c>SnapshotStore</c>): at a million participations
    /// the events' networks were 15 million ties, 578 MB of JSON written on every full recompute and read by no page.
    /// </summary>
    public static TieGraphFigures OneEventTieGraph(Breakdown organisations)
    {
        var (nodes, codes) = OneEventNodes(organisations);
        if (nodes.Count < 2) return new TieGraphFigures([], []);
        var weight = 1.0 / (codes.Count - 1);
        var ties = new List<OrganisationTie>(codes.Count * (codes.Count - 1) / 2);
        for (var i = 0; i < codes.Count; i++)
            for (var j = i + 1; j < codes.Count; j++)
                ties.Add(new OrganisationTie(codes[i], codes[j], weight));
        return new TieGraphFigures(nodes, ties);
    }

    /// <summary>
    /// Whether <paramref name="graph"/> equals <see cref="OneEventTieGraph"/> of the breakdown, tie by tie, without making
    /// it: a full recompute asks this of every event (15 million ties at a million participations).
    /// </summary>
    public static bool IsOneEventTieGraph(TieGraphFigures graph, Breakdown organisations)
    {
        var (nodes, codes) = OneEventNodes(organisations);
        if (nodes.Count < 2) return graph.Organisations.Count == 0 && graph.Ties.Count == 0;
        if (graph.Ties.Count != codes.Count * (codes.Count - 1) / 2 || !graph.Organisations.SequenceEqual(nodes)) return false;
        var weight = 1.0 / (codes.Count - 1);
        var next = 0;
        for (var i = 0; i < codes.Count; i++)
            for (var j = i + 1; j < codes.Count; j++)
            {
                var tie = graph.Ties[next++];
                if (tie.First != codes[i] || tie.Second != codes[j] || !tie.Weight.Equals(weight)) return false;
            }
        return true;
    }

    /// <summary>An event's network's nodes (the breakdown's organisations) and their codes in the order of their ids.</summary>
    private static (List<Tally> Nodes, List<string> Codes) OneEventNodes(Breakdown organisations)
    {
        var nodes = organisations.Tallies.Where(t => t.Code != UnmappedOrganisation).ToList();
        var codes = nodes.Select(t => int.Parse(t.Code, System.Globalization.CultureInfo.InvariantCulture)).Order()
            .Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return (nodes, codes);
    }

    /// <summary>
    /// What reach needs of history, for the scope's own organisations and attendees: when each was first counted at any
    /// event, as one row each. New organisations and returning attendees depend only on that earliest start: rows of the
    /// scope itself or of later events can never be earlier than the scope's own, so reading them changes nothing, and
    /// the first starts can be read once for every scope of a run instead of reading each scope's history rows (a big
    /// organisation's history is a large part of the table, and reading it per event made recompute quadratic).
    /// </summary>
    private static List<ReachRow> History(FirstCounted first, List<int> organisationIds, List<string> attendeeKeys) =>
    [
        .. organisationIds.Where(first.Organisations.ContainsKey)
            .Select(id => new ReachRow(0, first.Organisations[id], null, id, null, null)),
        .. attendeeKeys.Where(first.Attendees.ContainsKey)
            .Select(key => new ReachRow(0, first.Attendees[key], key, null, null, null)),
    ];

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

    /// <summary>The same as <see cref="FirstCountedAsync"/>, from every event's rows already read.</summary>
    private static FirstCounted FirstCountedOf(List<ScopeEvent> events, Dictionary<int, EventRows> rowsByEvent)
    {
        var organisations = new Dictionary<int, DateTime>();
        var attendees = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!rowsByEvent.TryGetValue(e.Id, out var rows)) continue;
            foreach (var row in rows.Counted)
            {
                if (row.HasProfile && row.OrganisationId is { } id && (!organisations.TryGetValue(id, out var first) || e.StartsAtUtc < first))
                    organisations[id] = e.StartsAtUtc;
                if (row.AttendeeKey is { } key && (!attendees.TryGetValue(key, out var seen) || e.StartsAtUtc < seen))
                    attendees[key] = e.StartsAtUtc;
            }
        }
        return new FirstCounted(organisations, attendees);
    }

    private sealed record FirstCounted(Dictionary<int, DateTime> Organisations, Dictionary<string, DateTime> Attendees);

    private static double KeySum(List<Row> rows)
    {
        var keys = new double[rows.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = rows[i].RecordKey;
        return CellKey.KeySum(keys);
    }

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

    /// <summary>An event as a scope sees it: when it started and who hosted it.</summary>
    private sealed record ScopeEvent(int Id, string Slug, DateTime StartsAtUtc, List<int> Hosts);

    /// <summary>
    /// One event's rows, and which of them count. An event's attendance is known when its list marked anyone as attended
    /// or absent; then its attendees count, otherwise its yes registrations. That depends on the event alone, so it is
    /// decided once per event, not once per scope the event is in.
    /// </summary>
    private sealed class EventRows
    {
        public EventRows(List<Row> all)
        {
            All = all;
            AttendanceKnown = all.Exists(r => r.Attendance != Attendance.Unknown);
            Counted = all.FindAll(r => AttendanceKnown ? r.Attendance == Attendance.Attended : r.Rsvp == Rsvp.Yes);
        }

        public List<Row> All { get; }
        public List<Row> Counted { get; }
        public bool AttendanceKnown { get; }
    }

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

        /// <summary>The rows by code, each category in the order the rows first show it.</summary>
        public Breakdown Of(Dimension dimension, IReadOnlyList<Row> rows, Func<Row, string?> code)
        {
            var groups = new Dictionary<string, Cell>(StringComparer.Ordinal);
            var order = new List<(string Code, Cell Cell)>();
            foreach (var row in rows)
            {
                if (code(row) is not { } key) continue;
                if (!groups.TryGetValue(key, out var cell))
                {
                    groups[key] = cell = new Cell();
                    order.Add((key, cell));
                }
                cell.Add(row);
            }
            return new(dimension.Code(), order.Select(g => new Tally(g.Code, Label(dimension, g.Code), g.Cell.Count, g.Cell.Persons,
                KeySum: g.Cell.KeySum)).ToList());
        }

        private Breakdown Organisations(IReadOnlyList<Row> profiled)
        {
            var groups = new Dictionary<int, Cell>();
            Cell? unmapped = null;
            var order = new List<(int? Id, Cell Cell)>();
            foreach (var row in profiled)
            {
                if (row.OrganisationId is not { } id)
                {
                    if (row.UnmappedOrganisation is null) continue;
                    if (unmapped is null) order.Add((null, unmapped = new Cell()));
                    unmapped.Add(row);
                    continue;
                }
                if (!groups.TryGetValue(id, out var cell))
                {
                    groups[id] = cell = new Cell();
                    order.Add((id, cell));
                }
                cell.Add(row);
            }
            return new(Dimension.Organisation.Code(), order.Select(g =>
            {
                if (g.Id is not { } id || !organisations.TryGetValue(id, out var o))
                    return new Tally(UnmappedOrganisation, "Ej mappad organisation", g.Cell.Count, g.Cell.Persons, KeySum: g.Cell.KeySum);
                return new Tally(id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Name, g.Cell.Count, g.Cell.Persons,
                    o.SectorCode, Label(Dimension.Sector, o.SectorCode), g.Cell.KeySum);
            }).ToList());
        }

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
    }

    /// <summary>
    /// One category of a breakdown while rows are counted into it: its rows, its distinct people (a returning attendee
    /// counts once; rows without a key are each their own person) and its cell key.
    /// </summary>
    private sealed class Cell
    {
        private HashSet<int>? _persons;
        private int _anonymous;
        private readonly List<double> _recordKeys = [];

        public int Count => _recordKeys.Count;
        public int Persons => (_persons?.Count ?? 0) + _anonymous;
        public double KeySum => CellKey.KeySum(_recordKeys);

        public void Add(Row row)
        {
            if (row.Person == Row.Anonymous) _anonymous++;
            else (_persons ??= []).Add(row.Person);
            _recordKeys.Add(row.RecordKey);
        }
    }

    /// <summary>
    /// One participation as a scope counts it. <see cref="Person"/> numbers its attendee key within the read the row came
    /// from (<see cref="Anonymous"/> without a key); every row of a scope comes from one read, so equal numbers are one person.
    /// </summary>
    private sealed record Row(int EventId, string? AttendeeKey, int Person, Rsvp Rsvp, Attendance Attendance, int Guests, bool HasProfile,
        string Role, string? Sector, string? Profession, int? OrganisationId, string? UnmappedOrganisation, string? Municipality,
        double RecordKey)
    {
        public const int Anonymous = -1;
    }
}
