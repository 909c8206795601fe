using Analytics.Core.Events;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Figures;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Tests.Exports;

/// <summary>
/// A first quarter of 2026 with hostile names, small groups and targets, and one event the quarter before, counted by hand.
/// <list type="bullet">
/// <item>"=HYPERLINK(...)" (slug 2026-02-10-fientlig), 10 Feb 2026, hosted by "+cmd" and Göteborgs Stad. Attended with a
/// profile: 8 kommun from Göteborgs Stad (2 of them speakers), 6 region from "=HYPERLINK(...)", 5 stat from "+cmd", 5 akademi
/// from "@SUM(1)", 3 näringsliv from Lilla byrån, 2 civilsamhälle without an organisation; 2 more attended without a
/// profile, and 3 registered from kommun did not come. So: registered 34, attended 31, with a profile 29; näringsliv (3)
/// and civilsamhälle (2) are suppressed, and so is Lilla byrån's roll-up (3) with one organisation of 5 beside it.</item>
/// <item>"+cmd" (2026-03-05-liten), 5 Mar 2026: 3 attended from Göteborgs Stad, every count of it below k.</item>
/// <item>"@SUM(1)" (2025-11-12-hosten), 12 Nov 2025: 4 kommun and 3 region attended.</item>
/// </list>
/// Sector targets (examples): kommun 30 %, region, stat 20 %, akademi, civilsamhälle, näringsliv 10 %.
/// </summary>
internal static class ExportScenario
{
    public const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
    public const string Command = "+cmd";
    public const string Sum = "@SUM(1)";
    public static readonly string[] HostileNames = [Hyperlink, Command, Sum];

    public const string Slug = "2026-02-10-fientlig";
    public const string SmallSlug = "2026-03-05-liten";
    public const string PreviousSlug = "2025-11-12-hosten";
    public static readonly Quarter Quarter = new(2026, 1);
    public static readonly DateTime MadeAtUtc = new(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc);

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var database = await MigratedDatabase.CreateAsync(provider);
        try
        {
            await ArrangeAsync(database);
            return database;
        }
        catch
        {
            // Shared databases are made outside any test's using, so a failed one must not be left on the server.
            await database.DisposeAsync();
            throw;
        }
    }

    private static async Task ArrangeAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var data = new ReportData(db);
        var gothenburg = await data.OrganisationAsync("Göteborgs Stad", "kommun");
        var hyperlink = await data.OrganisationAsync(Hyperlink, "region");
        var command = await data.OrganisationAsync(Command, "stat");
        var sum = await data.OrganisationAsync(Sum, "akademi");
        var small = await data.OrganisationAsync("Lilla byrån", "naringsliv");

        var main = await data.EventAsync(Slug, new DateTime(2026, 2, 10, 17, 0, 0), command, gothenburg);
        await data.AddAsync(main,
        [
            .. People("kommun", 8, p => p.In("kommun", "digitalisering-it", "1480").From(gothenburg)).Select((p, i) => i < 2 ? p.Speaking() : p),
            .. People("region", 6, p => p.In("region", "ledning", "1480").From(hyperlink)),
            .. People("stat", 5, p => p.In("stat", "policy-juridik", "1490").From(command)),
            .. People("akademi", 5, p => p.In("akademi", "forskning-utbildning", "1480").From(sum)),
            .. People("naringsliv", 3, p => p.In("naringsliv", "design-ux", "1480").From(small)),
            .. People("civil", 2, p => p.In("civilsamhalle", "kommunikation", "1480")),
            .. People("anonym", 2, p => p),
            .. Enumerable.Range(0, 3).Select(i => Someone.WithKey($"uteblev-{i}").NoShow().In("kommun").From(gothenburg)),
        ]);
        await data.AddAsync(await data.EventAsync(SmallSlug, new DateTime(2026, 3, 5, 17, 0, 0), gothenburg),
            [.. People("liten", 3, p => p.In("kommun", "ledning", "1480").From(gothenburg))]);
        await data.AddAsync(await data.EventAsync(PreviousSlug, new DateTime(2025, 11, 12, 17, 0, 0), gothenburg),
            [.. People("hosten-kommun", 4, p => p.In("kommun").From(gothenburg)), .. People("hosten-region", 3, p => p.In("region").From(hyperlink))]);

        foreach (var (slug, title) in new[] { (Slug, Hyperlink), (SmallSlug, Command), (PreviousSlug, Sum) })
            await db.Events.Where(e => e.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, title));
        foreach (var (code, share) in new[] { ("kommun", 0.3), ("region", 0.2), ("stat", 0.2), ("akademi", 0.1), ("civilsamhalle", 0.1), ("naringsliv", 0.1) })
            await data.TargetAsync(Dimension.Sector, code, share, isExample: true);

        await Recomputers.Of(db, Store(db)).RecomputeAsync(all: true);
    }

    public static SnapshotStore Store(AnalyticsDbContext db) => new(db, FixedClock.SampleDay);

    public static ExportReader Reader(AnalyticsDbContext db) => new(db, new ReportReader(Store(db), Protected.Disclosure));

    public static async Task<EventExport> EventAsync(TestDatabase database, string slug = Slug)
    {
        await using var db = database.Open();
        return (await Reader(db).ReadEventAsync(slug)).ShouldNotBeNull();
    }

    public static async Task<QuarterExport> QuarterAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return (await Reader(db).ReadQuarterAsync(Quarter)).ShouldNotBeNull();
    }

    private static IEnumerable<Someone> People(string prefix, int count, Func<Someone, Someone> profile) =>
        Enumerable.Range(0, count).Select(i => profile(Someone.WithKey($"{prefix}-{i}").Attended()));
}
