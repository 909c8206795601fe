using System.Globalization;
using Analytics.Core.Events;
using Analytics.Core.Participations;
using Analytics.Core.Privacy;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Ingest;
using Analytics.Ingest.Seeding;
using Analytics.Ingest.Tests;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Tests.Snapshots;

/// <summary>
/// The stored snapshots of data-samples/ checked scope by scope against a plain recount of the participation rows: a
/// breakdown counts attendees at events with an attendance list and yes registrations at the others.
/// </summary>
public class SampleSnapshotTests
{
    private const string Unmapped = "ej-mappad";

    private static readonly (string Dimension, Func<Participation, string?> Code)[] ProfileDimensions =
    [
        ("sector", p => p.SectorCode),
        ("profession", p => p.ProfessionCode),
        ("organisation", p => p.OrganisationId?.ToString(CultureInfo.InvariantCulture) ?? (p.UnmappedOrganisation is null ? null : Unmapped)),
        ("municipality", p => p.MunicipalityCode),
    ];

    [Theory, DatabaseProviders]
    public async Task Every_snapshot_of_the_sample_data_equals_a_recount_of_its_rows(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            var imports = new ImportService(db, new AttendeeKeyHasher(new byte[32]), FixedClock.SampleDay, new Analytics.Ingest.Mapping.CatalogueCache());
            await new SampleDataSeeder(db, imports).SeedAsync(SampleData.Folder);
        }
        await using (var db = database.Open())
            await new Recompute(db).Recomputer.RecomputeAsync(all: true);

        await using var read = database.Open();
        var events = await read.Events.AsNoTracking().Include(e => e.Hosts).ToListAsync();
        var rows = await read.Participations.AsNoTracking().ToListAsync();
        var expected = new Dictionary<ReportScope, List<Event>> { [ReportScope.AllTime] = events };
        foreach (var ev in events)
        {
            expected[ReportScope.ForEvent(ev.Slug)] = [ev];
            Add(expected, ReportScope.ForQuarter(Quarter.Containing(ev.StartsAtUtc)), ev);
            foreach (var host in ev.Hosts) Add(expected, ReportScope.ForHost(host.OrganisationId), ev);
        }
        var store = new Recompute(read).Store;

        expected.Keys.Count(s => s.Kind == ReportScope.HostKind).ShouldBeGreaterThan(1);
        (await read.ReportSnapshots.CountAsync()).ShouldBe(expected.Count);
        foreach (var (scope, scopeEvents) in expected)
        {
            var ids = scopeEvents.Select(e => e.Id).ToHashSet();
            var stored = (await store.LoadAsync(scope)).ShouldNotBeNull($"{scope} has a snapshot");
            (await store.IsStaleAsync(scope)).ShouldBeFalse($"{scope} is fresh");
            Digest(stored.Figures).ShouldBe(Recount(rows.Where(r => ids.Contains(r.EventId)).ToList(), ids.Count), $"{scope}");
        }
        rows.ShouldContain(r => r.RoleCode == RoleCodes.Speaker && r.HasProfile);
        rows.ShouldContain(r => r.Attendance == Attendance.Unknown);
        rows.ShouldContain(r => r.Attendance == Attendance.NoShow);
    }

    private static void Add(Dictionary<ReportScope, List<Event>> scopes, ReportScope scope, Event ev)
    {
        if (!scopes.TryGetValue(scope, out var list)) scopes[scope] = list = [];
        list.Add(ev);
    }

    /// <summary>The figures of a scope recounted from its rows, one line per number.</summary>
    private static List<string> Recount(List<Participation> rows, int events)
    {
        var withList = rows.Where(r => r.Attendance != Attendance.Unknown).Select(r => r.EventId).Distinct().ToList();
        var counted = rows.Where(r => withList.Contains(r.EventId) ? r.Attendance == Attendance.Attended : r.Rsvp == Rsvp.Yes).ToList();
        var yes = rows.Where(r => r.Rsvp == Rsvp.Yes).ToList();
        var lines = new List<string>
        {
            $"events {events}",
            $"events with attendance {withList.Count}",
            $"registered {yes.Count + yes.Sum(r => r.Guests)}",
            $"attended {(withList.Count == 0 ? "unknown" : rows.Where(r => r.Attendance == Attendance.Attended).Sum(r => 1 + r.Guests))}",
            $"guests {yes.Sum(r => r.Guests)}",
        };
        var profiled = counted.Where(r => r.HasProfile).ToList();
        lines.Add($"reach organisations {profiled.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId).Distinct().Count()}");
        lines.Add($"reach sectors {profiled.Where(r => r.SectorCode is not null).Select(r => r.SectorCode).Distinct().Count()}");
        lines.Add($"reach municipalities {profiled.Where(r => r.MunicipalityCode is not null).Select(r => r.MunicipalityCode).Distinct().Count()}");
        lines.AddRange(Group("", counted));
        lines.AddRange(Cells("role", counted, p => p.RoleCode));
        lines.AddRange(Group($"{Subset.Speakers} ", counted.Where(r => r.RoleCode == RoleCodes.Speaker).ToList()));
        lines.AddRange(Group($"{Subset.Audience} ", counted.Where(r => r.RoleCode == RoleCodes.Participant).ToList()));
        lines.AddRange(Group($"{Subset.Registered} ", yes));
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Group(string prefix, List<Participation> counted)
    {
        var profiled = counted.Where(r => r.HasProfile).ToList();
        return ProfileDimensions.SelectMany(d => Cells(prefix + d.Dimension, profiled, d.Code))
            .Append($"{prefix}counted {counted.Count}").Append($"{prefix}with profile {profiled.Count}");
    }

    private static IEnumerable<string> Cells(string name, List<Participation> rows, Func<Participation, string?> code) =>
        rows.Where(r => code(r) is not null).GroupBy(r => code(r)!)
            .Select(g => Cell(name, g.Key, g.Count(), g.Where(r => r.AttendeeKey is not null).Select(r => r.AttendeeKey).Distinct().Count()
                                                     + g.Count(r => r.AttendeeKey is null)));

    private static string Cell(string name, string code, int count, int persons) => $"{name} {code}: {count} in {persons} persons";

    /// <summary>The stored figures written in the same lines as <see cref="Recount"/>.</summary>
    private static List<string> Digest(ReportFigures figures)
    {
        var lines = new List<string>
        {
            $"events {figures.Events}",
            $"events with attendance {figures.EventsWithAttendance}",
            $"registered {figures.Registered}",
            $"attended {figures.Attended?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}",
            $"guests {figures.Guests}",
            $"counted {figures.Counted}",
            $"with profile {figures.WithProfile}",
        };
        var reach = figures.Reach.ShouldNotBeNull();
        lines.Add($"reach organisations {reach.Organisations}");
        lines.Add($"reach sectors {reach.Sectors}");
        lines.Add($"reach municipalities {reach.Municipalities}");
        lines.AddRange(figures.Breakdowns.SelectMany(b => Cells("", b)));
        foreach (var subset in figures.Subsets)
        {
            lines.Add($"{subset.Name} counted {subset.Counted}");
            lines.Add($"{subset.Name} with profile {subset.WithProfile}");
            lines.AddRange(subset.Breakdowns.SelectMany(b => Cells($"{subset.Name} ", b)));
        }
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Cells(string prefix, Breakdown breakdown) =>
        breakdown.Tallies.Select(t => Cell(prefix + breakdown.Dimension, t.Code, t.Count, t.Persons));
}
