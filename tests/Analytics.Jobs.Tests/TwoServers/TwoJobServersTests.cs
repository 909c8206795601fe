using System.Collections.Concurrent;
using System.Diagnostics;
using Analytics.Core.Reports;
using Analytics.Jobs.Scheduling;
using Analytics.Jobs.Tests.Reports;
using Analytics.Testing;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Tests.TwoServers;

/// <summary>
/// Production runs web nodes and workers side by side on one job store. Two Hangfire servers in this process, each with
/// its own services and its own storage object over the same PostgreSQL database, stand in for two machines.
/// </summary>
public class TwoJobServersTests
{
    private const int Jobs = 200;

    [PostgresFact]
    public async Task Two_servers_on_one_postgresql_job_store_run_200_event_recomputes_each_exactly_once()
    {
        await using var database = await MigratedDatabase.CreateAsync("postgres");
        var events = await ArrangeTwelveEventsAsync(database);
        // Installed once, before either server starts: two servers installing the schema at once can fail to serialise.
        var client = new BackgroundJobClient(Storage(database, installSchema: true));
        var runs = new ConcurrentDictionary<string, string>();
        var twice = new ConcurrentBag<string>();
        await using var first = JobTesting.Services(database, new RecordedLog());
        await using var second = JobTesting.Services(database, new RecordedLog());

        var enqueued = Enumerable.Range(0, Jobs).Select(i => new ReportJobs(client).EnqueueEvent(events[i % events.Count])).ToList();
        using (Server("first", first, database, runs, twice))
        using (Server("second", second, database, runs, twice))
            await UntilAsync(() => runs.Count == Jobs && SucceededCount(database) == Jobs, TimeSpan.FromSeconds(50));

        twice.ShouldBeEmpty();
        runs.Keys.ShouldBe(enqueued, ignoreOrder: true);
        runs.Values.Distinct().ShouldBe(["first", "second"], ignoreOrder: true, "both servers took jobs");
        var monitoring = Storage(database).GetMonitoringApi();
        (monitoring.FailedCount(), monitoring.ScheduledCount(), monitoring.SucceededListCount()).ShouldBe((0, 0, Jobs));

        await using var db = database.Open();
        var stored = await db.ReportSnapshots.Select(s => s.ScopeKind + ":" + s.ScopeKey).ToListAsync();
        stored.ShouldBe(stored.Distinct(), "each scope is stored once");
        stored.ShouldBe(
            [.. Enumerable.Range(1, 12).Select(n => $"event:e{n}"), "quarter:2025Q4", "quarter:2026Q1", "quarter:2026Q2", "all:all"],
            ignoreOrder: true);
        var versions = await db.ReportSnapshots.Select(s => new { s.ScopeKind, s.ScopeKey, s.DataVersion }).ToListAsync();
        await using var scope = first.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<Reporting.Snapshots.SnapshotStore>();
        foreach (var snapshot in versions)
            (await store.IsStaleAsync(new ReportScope(snapshot.ScopeKind, snapshot.ScopeKey))).ShouldBeFalse($"{snapshot.ScopeKey} is fresh");
    }

    /// <summary>Twelve events, four a month from November to May: three quarters, twelve events, all time.</summary>
    private static async Task<List<int>> ArrangeTwelveEventsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var data = new ReportData(db);
        var ids = new List<int>();
        string[] sectors = ["kommun", "region", "stat", "akademi"];
        for (var n = 1; n <= 12; n++)
        {
            var ev = await data.EventAsync($"e{n}", new DateTime(2025, 11, 4, 17, 0, 0).AddDays(16 * n));
            await data.AddAsync(ev, [.. Enumerable.Range(0, n).Select(i => Someone.WithKey($"p{n}-{i}").Attended().In(sectors[i % 4]))]);
            ids.Add(ev.Id);
        }
        return ids;
    }

    private static PostgreSqlStorage Storage(TestDatabase database, bool installSchema = false)
    {
        var options = new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = installSchema,
            QueuePollInterval = TimeSpan.FromMilliseconds(100),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.Settings.ConnectionString, options), options);
    }

    private static BackgroundJobServer Server(string name, IServiceProvider services, TestDatabase database,
        ConcurrentDictionary<string, string> runs, ConcurrentBag<string> twice) =>
        new(new BackgroundJobServerOptions
        {
            ServerName = name,
            Queues = JobQueues.All,
            WorkerCount = 4,
            Activator = new CountingActivator(name, services.GetRequiredService<IServiceScopeFactory>(), runs, twice),
        }, Storage(database));

    private static long SucceededCount(TestDatabase database) => Storage(database).GetMonitoringApi().SucceededListCount();

    private static async Task UntilAsync(Func<bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"The servers did not finish {Jobs} jobs within {limit.TotalSeconds} s.");
            await Task.Delay(200);
        }
    }

    /// <summary>Resolves each job from its server's own services, and notes which server ran which job, and any job run twice.</summary>
    private sealed class CountingActivator(string server, IServiceScopeFactory scopes, ConcurrentDictionary<string, string> runs,
        ConcurrentBag<string> twice) : JobActivator
    {
        public override JobActivatorScope BeginScope(PerformContext context)
        {
            if (!runs.TryAdd(context.BackgroundJob.Id, server)) twice.Add(context.BackgroundJob.Id);
            return new Scope(scopes.CreateScope());
        }

        private sealed class Scope(IServiceScope scope) : JobActivatorScope
        {
            public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

            public override void DisposeScope() => scope.Dispose();
        }
    }
}

/// <summary>A fact that runs only when a PostgreSQL server is provided (ANALYTICS_TEST_POSTGRES), and is skipped otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null) Skip = $"Needs a PostgreSQL server: set {TestDatabase.PostgresVariable}.";
    }
}
