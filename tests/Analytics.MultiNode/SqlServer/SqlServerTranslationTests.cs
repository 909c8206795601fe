#pragma warning disable EF1001 // RecordingQueryCompiler replaces EF's internal query compiler; see there.
using System.Linq.Expressions;
using System.Net;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Data.Providers;
using Analytics.Ingest.Seeding;
using Analytics.Jobs;
using Analytics.Jobs.Forecast;
using Analytics.Jobs.Reports;
using Analytics.Jobs.Retention;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Forecast;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Analytics.Web.Pages.Events;
using Analytics.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Analytics.MultiNode.SqlServer;

/// <summary>
/// SQL Server cannot run on the build machines, so its LINQ translation is checked without one. The report, snapshot,
/// reader, recompute (all scopes, and one scope of each kind), job, export, steering pack, forecast and retention code
/// runs for real on a SQLite copy of the sample data, and so does the web app: it is hosted in this process
/// (<see cref="InProcessWebApp"/>) and every page, export and download an admin reaches is fetched, so the queries page
/// models run themselves are covered as well. EF's query compiler records every query it is given (compiled queries
/// included); each recorded query is then built again on the SQL Server model and must translate to SQL (see
/// <see cref="SqlServerTranslation"/>). This proves translation only: no SQL Server executed it.
/// </summary>
[Collection(Name)]
public sealed class SqlServerTranslationTests(ITestOutputHelper output)
{
    /// <summary>Alone: the recording is process-wide, and the hosted web app starts Hangfire, whose storage is static.</summary>
    public const string Name = "sql-server-translation";

    [Fact]
    public async Task Every_query_the_reports_jobs_exports_and_web_pages_run_translates_for_sql_server()
    {
        var folder = Path.Combine(Path.GetTempPath(), "analytics-sqlserver-translation", Guid.NewGuid().ToString("N"));
        try
        {
            var settings = Settings(folder);
            await using var services = Services(settings);
            await using (var scope = services.CreateAsyncScope())
            {
                await ReferenceData.MigrateAsync(scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>());
                await scope.ServiceProvider.GetRequiredService<SampleDataSeeder>().SeedAsync(SampleFolder.Locate()!);
            }

            RecordingQueryCompiler.Recorded.Clear();
            RecordingQueryCompiler.Recording = true;
            try
            {
                await RunEveryReaderAsync(services, settings);
            }
            finally
            {
                RecordingQueryCompiler.Recording = false;
            }

            // The same query shape runs many times (once per scope); one translation each is enough.
            var recorded = RecordingQueryCompiler.Recorded.GroupBy(Shape).Select(g => g.First()).ToList();
            using var sqlServer = new SqlServerTranslation();
            var failures = new List<string>();
            var translated = 0;
            foreach (var query in recorded)
            {
                try
                {
                    var sql = sqlServer.Translate(query);
                    sql.ShouldNotBeNullOrWhiteSpace();
                    translated++;
                }
                catch (Exception e)
                {
                    failures.Add($"{Shape(query)}\n  {e.GetType().Name}: {e.Message}");
                }
            }
            output.WriteLine($"{translated} distinct queries translated for SQL Server, of {RecordingQueryCompiler.Recorded.Count} run on SQLite.");

            // The check can fail, and it is SQL Server's dialect that comes out.
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
                Should.Throw<InvalidOperationException>(() => sqlServer.Translate(db.Events.Where(e => e.Title.GetHashCode() == 1).Expression))
                    .Message.ShouldContain("could not be translated");
                var top = sqlServer.Translate(db.Events.OrderBy(e => e.StartsAtUtc).Take(3).Expression);
                top.ShouldContain("SELECT TOP(@");
                top.ShouldContain("FROM [Events] AS [e]");

                // A list as long as every event's slug at a million participations goes as one JSON parameter: one
                // parameter per value would pass SQL Server's limit of 2,100 and fail at run time, not here.
                var slugs = Enumerable.Range(0, 3000).Select(i => $"event-{i}").ToList();
                var many = sqlServer.Translate(db.Events.Where(e => slugs.Contains(e.Slug)).Expression);
                many.ShouldContain("OPENJSON(@");
                many.ShouldNotContain("@slugs2");
            }
            failures.ShouldBeEmpty(string.Join("\n\n", failures));
            translated.ShouldBeGreaterThan(120, "the readers, jobs, exports and pages ran their queries");
            // EF compiles a compiled query once per process, and only that first compile is seen: nothing may run the
            // quarter pickers' query (ReportPeriod) before the recording starts.
            recorded.ShouldContain(q => Shape(q).Contains(nameof(QueryParameterExpression)), "the quarter pickers' compiled query was recorded");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Everything that reads for a page, an export or a job, with the sample data's scopes.</summary>
    private static async Task RunEveryReaderAsync(ServiceProvider services, IReadOnlyDictionary<string, string?> settings)
    {
        var now = SampleClock.UtcNow;
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReportRecomputer>().RecomputeAsync(all: true);

        // A held event with a host, and its quarter and host: each of the four scope kinds, all fed by that one event.
        string slug;
        int eventId, host;
        Quarter quarter;
        ReportScope[] scopes;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            var held = await db.Events.Where(e => e.StartsAtUtc < now && e.Hosts.Any()).OrderBy(e => e.StartsAtUtc)
                .Select(e => new { e.Id, e.Slug, e.StartsAtUtc, Host = e.Hosts.Min(h => h.OrganisationId) }).FirstAsync();
            (slug, eventId, host, quarter) = (held.Slug, held.Id, held.Host, Quarter.Containing(held.StartsAtUtc));
            scopes = [ReportScope.ForEvent(slug), ReportScope.ForQuarter(quarter), ReportScope.ForHost(host), ReportScope.AllTime];
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            var reader = scope.ServiceProvider.GetRequiredService<ReportReader>();
            var snapshots = scope.ServiceProvider.GetRequiredService<SnapshotStore>();
            foreach (var scope2 in scopes)
            {
                await reader.ReadAsync(scope2);
                await reader.ReadTieGraphAsync(scope2);
                await snapshots.IsStaleAsync(scope2);
                await snapshots.StateAsync(scope2);
                await snapshots.LoadAsync(scope2);
            }
            await reader.ReadWithinAsync(ReportScope.ForEvent(slug), ReportScope.ForQuarter(quarter));
            await reader.ReadWithinAsync(ReportScope.ForQuarter(quarter), ReportScope.AllTime);
            await reader.ReadManyAsync(ReportScope.EventKind, [slug]);
            await reader.ReadTrendAsync(quarter);
            await reader.ReadPublicQuartersAsync(now);
            await snapshots.StoredVersionsAsync();

            // The event list and its filters, as /evenemang runs them.
            await FilterChoices.ReadAsync(db, CancellationToken.None);
            EventFilter[] filters =
            [
                new(), new(Quarter: quarter), new(HostId: host), new(Format: "natverksmote"), new(Municipality: "1480"), new(Municipality: EventFilter.Online),
            ];
            foreach (var filter in filters) await EventSummary.ListAsync(db, reader, filter, now, CancellationToken.None);
        }

        // One scope at a time (BuildEventAsync, BuildQuarterAsync, BuildHostAsync, BuildAllTimeAsync and the one-row save).
        // A single-scope recompute rebuilds any scope that exists and is not frozen, stale or not: each row is written anew.
        await using (var scope = services.CreateAsyncScope())
        {
            var recomputer = scope.ServiceProvider.GetRequiredService<ReportRecomputer>();
            var snapshots = scope.ServiceProvider.GetRequiredService<SnapshotStore>();
            foreach (var each in scopes)
            {
                var before = await RevisionAsync(snapshots, each);
                await recomputer.RecomputeAsync(each);
                (await RevisionAsync(snapshots, each)).ShouldNotBe(before, $"{each.Kind} {each.Key} was rebuilt");
            }
        }

        // The job an import, a check-in or a consent change enqueues: a new data version of the event makes its event,
        // quarter, host and all-time scopes stale, and the job recomputes each of them.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            var snapshots = scope.ServiceProvider.GetRequiredService<SnapshotStore>();
            await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(u => u.SetProperty(e => e.DataVersion, e => e.DataVersion + 1));
            foreach (var each in scopes) (await snapshots.IsStaleAsync(each)).ShouldBeTrue($"{each.Kind} {each.Key} is stale after the change");
            await scope.ServiceProvider.GetRequiredService<RecomputeEventJob>().RunAsync(eventId, CancellationToken.None);
            foreach (var each in scopes) (await snapshots.IsStaleAsync(each)).ShouldBeFalse($"{each.Kind} {each.Key} was recomputed by the job");
        }

        // The exports (the event workbook, the quarter's, and the checks behind their 404s) and the steering packs: built
        // by their job, built again in place, listed and read.
        await using (var scope = services.CreateAsyncScope())
        {
            var exports = scope.ServiceProvider.GetRequiredService<ExportReader>();
            (await exports.ReadEventAsync(slug)).ShouldNotBeNull();
            (await exports.ReadQuarterAsync(quarter)).ShouldNotBeNull();
            (await exports.EventExistsAsync(slug)).ShouldBeTrue();
            (await exports.QuarterHasEventsAsync(quarter)).ShouldBeTrue();
            await scope.ServiceProvider.GetRequiredService<BuildSteeringPackJob>().RunAsync(quarter.ToString(), CancellationToken.None);
            var packs = scope.ServiceProvider.GetRequiredService<SteeringPackStore>();
            (await packs.BuildAsync(quarter)).ShouldNotBeNull();
            (await packs.ListAsync()).ShouldContain(p => p.QuarterKey == quarter.ToString());
            (await packs.ContentAsync(quarter)).ShouldNotBeNull();
        }

        // The forecast: training reads the turnout history; the planned events' forecasts read it per event.
        string plannedSlug;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TrainForecastJob>().RunAsync(CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            var planned = await db.Events.Where(e => e.StartsAtUtc > now).OrderBy(e => e.StartsAtUtc).Select(e => e.Slug).ToListAsync();
            var forecasts = scope.ServiceProvider.GetRequiredService<ForecastReader>();
            foreach (var each in planned.Take(1)) await forecasts.ReadAsync(each, CancellationToken.None);
            await forecasts.ReadPlannedAsync(planned, CancellationToken.None);
            plannedSlug = planned[0];
        }

        // The web app, as an admin sees it: every page, export and download, so the queries the page models run
        // themselves (the period and quarter pickers, the balance page's targets and planned events, the quarterly
        // report's check, the event report's hosts, the principles' events, the overview's event count ...) are recorded.
        await using (var web = await InProcessWebApp.StartAsync(settings))
        {
            int batch;
            await using (var scope = web.Services.CreateAsyncScope())
                batch = await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().ImportBatches.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
            var q = quarter.ToString();
            string[] pages =
            [
                "/", $"/?kvartal={q}", "/?kvartal=alla",
                "/evenemang", $"/evenemang?kvartal={q}", $"/evenemang?vard={host}", "/evenemang?format=natverksmote", "/evenemang?kommun=1480",
                $"/evenemang?kommun={EventFilter.Online}", $"/evenemang?kvartal={q}&vard={host}&sida=2",
                $"/evenemang/{slug}", $"/evenemang/{plannedSlug}",
                "/trender", "/kvartal", $"/kvartal/{q}",
                "/balans", $"/balans?kvartal={q}", "/balans?kvartal=alla",
                "/rackvidd", $"/rackvidd?kvartal={q}", "/rackvidd?kvartal=alla",
                "/principerna", "/oppna-data", "/oppna-data/oppna-data.json", "/oppna-data/oppna-data.xlsx", "/oppna-data/oppna-data.csv",
                "/paket", $"/paket/{q}.xlsx",
                $"/export/event/{slug}.xlsx", $"/export/event/{slug}.csv", $"/export/quarter/{q}.xlsx", $"/export/quarter/{q}.csv",
                $"/api/reports/event/{slug}", $"/api/reports/quarter/{q}",
                "/import", "/import/historik", $"/import/batch/{batch}", $"/import/batch/{batch}/fel.csv",
                "/admin/konton", "/admin/logg", "/admin/mal", "/admin/prognos", "/admin/lagring", "/admin/samtycke",
                $"/checka-in/{plannedSlug}", $"/checka-in/{plannedSlug}/skarm", "/aterkalla", "/om-datan", "/tillganglighet",
            ];
            // The checks behind a missing event's or quarter's 404 (ExportReader.EventExistsAsync, QuarterHasEventsAsync).
            string[] missing = ["/export/event/finns-inte.xlsx", "/export/quarter/2001Q1.xlsx", "/kvartal/2001Q1", "/evenemang/finns-inte"];
            var failed = new List<string>();
            foreach (var page in pages)
            {
                using var response = await web.Admin.GetAsync(page);
                if (response.StatusCode != HttpStatusCode.OK) failed.Add($"{page}: {(int)response.StatusCode}");
            }
            foreach (var page in missing)
            {
                using var response = await web.Admin.GetAsync(page);
                if (response.StatusCode != HttpStatusCode.NotFound) failed.Add($"{page}: {(int)response.StatusCode}, not 404");
            }
            failed.ShouldBeEmpty("every page was served, so its queries ran");
        }

        // Retention at its shortest (6 months): the sample's older events are purged, so every purge query runs.
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RetentionPurgeJob>().RunAsync(CancellationToken.None);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReportRecomputer>().RecomputeAsync(all: false);
    }

    private static async Task<Guid?> RevisionAsync(SnapshotStore snapshots, ReportScope scope) =>
        (await snapshots.StampsAsync(scope.Kind, [scope.Key])).GetValueOrDefault(scope.Key)?.Revision;

    /// <summary>The embedded default in <paramref name="folder"/>, as the test's services and the hosted web app both use it.</summary>
    private static Dictionary<string, string?> Settings(string folder) => new()
    {
        ["Database:Provider"] = "sqlite",
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "analytics.db")}",
        ["Database:DataFolder"] = folder,
        ["Privacy:AttendeeKeySecret"] = Convert.ToBase64String(new byte[32]),
        ["Retention:Months"] = "6",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static ServiceProvider Services(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Directory.CreateDirectory(settings["Database:DataFolder"]!);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddAnalytics(configuration);
        // The sample's day, so the sample's planned events stay planned and their queries run whenever the test does.
        services.AddSingleton<TimeProvider>(SampleClock.Instance);
        services.ConfigureDbContext<SqliteAnalyticsDbContext>(o => o.ReplaceService<IQueryCompiler, RecordingQueryCompiler>());
        return services.BuildServiceProvider();
    }

    /// <summary>A query's shape: its expression with the captured values' holders, which differ per call, left out.</summary>
    private static string Shape(Expression query) => System.Text.RegularExpressions.Regex.Replace(query.ToString(), @"value\([^)]*\)", "value");
}

[CollectionDefinition(SqlServerTranslationTests.Name, DisableParallelization = true)]
public sealed class SqlServerTranslationCollection;
