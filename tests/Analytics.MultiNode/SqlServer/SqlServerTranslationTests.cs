#pragma warning disable EF1001 // RecordingQueryCompiler replaces EF's internal query compiler; see there.
using System.Linq.Expressions;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Data.Providers;
using Analytics.Ingest.Seeding;
using Analytics.Jobs;
using Analytics.Jobs.Forecast;
using Analytics.Jobs.Retention;
using Analytics.Reporting.Forecast;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Pages.Events;
using Analytics.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Analytics.MultiNode.SqlServer;

/// <summary>
/// SQL Server cannot run on the build machines, so its LINQ translation is checked without one. The report, snapshot,
/// reader, forecast, retention and event-list code runs for real on a SQLite copy of the sample data, with EF's query
/// compiler recording every query it is given; each recorded query is then built again on the SQL Server model and must
/// translate to SQL (see <see cref="SqlServerTranslation"/>). This proves translation only: no SQL Server executed it.
/// </summary>
public sealed class SqlServerTranslationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_query_the_reports_forecasts_retention_and_event_list_run_translates_for_sql_server()
    {
        var folder = Path.Combine(Path.GetTempPath(), "analytics-sqlserver-translation", Guid.NewGuid().ToString("N"));
        try
        {
            await using var services = Services(folder);
            await using (var scope = services.CreateAsyncScope())
            {
                await ReferenceData.MigrateAsync(scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>());
                await scope.ServiceProvider.GetRequiredService<SampleDataSeeder>().SeedAsync(SampleFolder.Locate()!);
            }

            RecordingQueryCompiler.Recorded.Clear();
            RecordingQueryCompiler.Recording = true;
            try
            {
                await RunEveryReaderAsync(services);
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
            translated.ShouldBeGreaterThan(30, "the readers ran their queries");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Everything that reads for a page, an export or a job, with the sample data's scopes.</summary>
    private static async Task RunEveryReaderAsync(ServiceProvider services)
    {
        var now = DateTime.UtcNow;
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReportRecomputer>().RecomputeAsync(all: true);

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            var reader = scope.ServiceProvider.GetRequiredService<ReportReader>();
            var snapshots = scope.ServiceProvider.GetRequiredService<SnapshotStore>();
            var slug = await db.Events.Where(e => e.StartsAtUtc < now).OrderBy(e => e.StartsAtUtc).Select(e => e.Slug).FirstAsync();
            var host = await db.EventHosts.Select(h => h.OrganisationId).FirstAsync();
            var quarter = Quarter.Containing(await db.Events.Where(e => e.Slug == slug).Select(e => e.StartsAtUtc).SingleAsync());
            ReportScope[] scopes = [ReportScope.ForEvent(slug), ReportScope.ForQuarter(quarter), ReportScope.ForHost(host), ReportScope.AllTime];
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

        // The forecast: training reads the turnout history; the planned events' forecasts read it per event.
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TrainForecastJob>().RunAsync(CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            var planned = await db.Events.Where(e => e.StartsAtUtc > now).Select(e => e.Slug).ToListAsync();
            var forecasts = scope.ServiceProvider.GetRequiredService<ForecastReader>();
            foreach (var slug in planned.Take(1)) await forecasts.ReadAsync(slug, CancellationToken.None);
            await forecasts.ReadPlannedAsync(planned, CancellationToken.None);
        }

        // Retention at its shortest (6 months): the sample's older events are purged, so every purge query runs.
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RetentionPurgeJob>().RunAsync(CancellationToken.None);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReportRecomputer>().RecomputeAsync(all: false);
    }

    private static ServiceProvider Services(string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "analytics.db")}",
            ["Database:DataFolder"] = folder,
            ["Privacy:AttendeeKeySecret"] = Convert.ToBase64String(new byte[32]),
            ["Retention:Months"] = "6",
        }).Build();
        Directory.CreateDirectory(folder);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddAnalytics(configuration);
        services.ConfigureDbContext<SqliteAnalyticsDbContext>(o => o.ReplaceService<IQueryCompiler, RecordingQueryCompiler>());
        return services.BuildServiceProvider();
    }

    /// <summary>A query's shape: its expression with the captured values' holders, which differ per call, left out.</summary>
    private static string Shape(Expression query) => System.Text.RegularExpressions.Regex.Replace(query.ToString(), @"value\([^)]*\)", "value");
}
