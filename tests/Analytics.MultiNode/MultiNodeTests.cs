using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Analytics.Cli.Tests;
using Analytics.Jobs.Scheduling;
using Analytics.MultiNode.Testing;
using Analytics.Testing;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using Xunit.Abstractions;

namespace Analytics.MultiNode;

/// <summary>
/// Production as the README describes it, in real processes: two web nodes (web only) and two workers, built from this
/// solution and started with `dotnet`, on one fresh PostgreSQL database whose schema `analytics db migrate` installed
/// before any of them started. Needs ANALYTICS_TEST_POSTGRES (CI sets it); skipped without it.
/// </summary>
public sealed class MultiNodeTests(ITestOutputHelper output)
{
    private const string Email = "admin@example.se";
    private const int Jobs = 200;
    private static readonly string Slug = SampleData.FirstMeeting;

    [SkippableFact]
    public async Task Two_web_nodes_and_two_workers_share_one_postgresql_database()
    {
        Skip.If(TestDatabase.PostgresServer is null,
            $"Starts web and worker processes on a real PostgreSQL database; set {TestDatabase.PostgresVariable} (CI does).");
        var clock = Stopwatch.StartNew();
        await using var deployment = await Deployment.CreateAsync();

        // The schema, once, before any server: no EF table and no Hangfire table until the migration, both after it.
        (await TablesAsync(deployment, "hangfire")).ShouldBe(0);
        (await deployment.CliAsync(null, "db", "migrate")).ShouldContain("Migrated the database (postgres");
        (await TablesAsync(deployment, "hangfire")).ShouldBeGreaterThan(5, "db migrate installs Hangfire's tables too");
        (await TablesAsync(deployment, "public")).ShouldBeGreaterThan(10);
        await deployment.CliAsync(null, "events", "add", Slug, "--title", "Första mötet", "--starts", "2026-03-23T17:00", "--municipality", "1480");
        await deployment.CliAsync(null, "events", "add", "2026-05-20-andra-motet", "--title", "Andra mötet", "--starts", "2026-05-20T17:00",
            "--municipality", "1480");
        var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        await deployment.CliAsync(password, "users", "add", Email, "--role", "admin", "--password-stdin");

        output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} schema installed, events and admin added");
        // Four processes starting at the same moment: nothing in a start migrates or installs, so nothing races.
        var workers = new[] { deployment.StartWorker("worker-a", 6), deployment.StartWorker("worker-b", 6) };
        var nodes = await Task.WhenAll(deployment.StartWebAsync("web-1"), deployment.StartWebAsync("web-2"));
        var (node1, node2) = (nodes[0], nodes[1]);
        await deployment.UntilAsync(async () => (await ServersAsync(deployment)).Count == 2, TimeSpan.FromSeconds(60), "Both workers registering");
        (await ServersAsync(deployment)).Select(s => s.Split(':')[0]).ShouldBe(["worker-a", "worker-b"], ignoreOrder: true,
            "the web nodes run with Jobs:Server=false, so the workers are the only job servers");

        output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} 2 web nodes ready, 2 workers registered");
        // A login on node 1 is a login on node 2: one data protection key ring, in the database.
        var (browser, cookies) = node1.Browser();
        await node1.LogInAsync(browser, Email, password);
        var login = cookies.GetCookies(node1.Address)[WebNode.LoginCookie]?.Value;
        login.ShouldNotBeNull();
        using (var anonymous = node2.WithCookie(null))
            (await anonymous.GetAsync("/evenemang")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "node 2 asks a stranger to log in");
        using var signedIn = node2.WithCookie($"{WebNode.LoginCookie}={login}");
        (await signedIn.GetAsync("/evenemang")).StatusCode.ShouldBe(HttpStatusCode.OK, "node 2 accepts node 1's login cookie");

        // An import through node 1's pages runs on a worker and shows in node 2's report.
        var expected = MeetupCounts.Of(SampleData.FirstMeetingFile);
        var status = await node1.ImportAsync(browser, Slug, SampleData.FirstMeetingFile);
        output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} import confirmed on node 1");
        JsonElement? participants = null;
        await deployment.UntilAsync(async () =>
        {
            var response = await signedIn.GetAsync($"/api/reports/event/{Slug}");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            participants = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("participants").Clone();
            return participants.Value.GetProperty("registered").GetInt32() == expected.Registered;
        }, TimeSpan.FromSeconds(60), "The import showing in node 2's report");
        participants!.Value.GetProperty("attended").GetInt32().ShouldBe(expected.Attended);
        participants.Value.GetProperty("withProfile").GetInt32().ShouldBe(expected.WithProfile);
        // Node 1 ran no part of the import, yet its status page learns from the database that it finished, and hands over.
        await deployment.UntilAsync(async () => (await browser.GetAsync(status)).RequestMessage!.RequestUri!.AbsolutePath.StartsWith(
            "/import/batch/", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "Node 1's status page handing over to the batch");

        output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} import through node 1 visible on node 2");
        // 200 recomputes, enqueued as the web nodes enqueue them, each run exactly once: one Processing state per job.
        GlobalConfiguration.Configuration.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
        var client = new BackgroundJobClient(Storage(deployment));
        var events = await deployment.PairsAsync("""SELECT "Id", "Slug" FROM "Events" ORDER BY "Id" """);
        var enqueued = Enumerable.Range(0, Jobs)
            .Select(i => long.Parse(new ReportJobs(client).EnqueueEvent(int.Parse(events[i % events.Count].Item1)))).ToArray();
        await deployment.UntilAsync(async () => await SucceededAsync(deployment, enqueued) == Jobs, TimeSpan.FromSeconds(90),
            $"{Jobs} recomputes succeeding");
        var connections = await deployment.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()");
        output.WriteLine($"{connections} connections to the database");
        var runs = await ProcessingAsync(deployment, enqueued);
        runs.Count.ShouldBe(Jobs, "every job was taken");
        runs.ShouldAllBe(r => r.Value.Count == 1, "no job was taken twice");
        runs.Values.Select(r => r[0].Split(':')[0]).Distinct().ShouldBe(["worker-a", "worker-b"], ignoreOrder: true,
            "both workers took jobs");
        (await CountAsync(deployment, "SELECT count(*) FROM hangfire.state WHERE jobid = ANY(@ids) AND name = 'Succeeded'", enqueued))
            .ShouldBe(Jobs);

        output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} 200 jobs done, each once");
        // SIGKILL a worker in the middle of a recompute. "The middle" is made certain, not hoped for: the test holds a lock
        // on the snapshot table, so the job computes its figures and then waits to write them. The killed worker's job
        // is taken by the other once its invisibility timeout passes, and the report lock it held is abandoned after
        // Jobs:DistributedLockTimeout.
        var eventId = long.Parse(events.Single(e => e.Item2 == Slug).Item1);
        await ExecuteAsync(deployment, """UPDATE "Events" SET "DataVersion" = "DataVersion" + 1 WHERE "Id" = @id""", ("id", eventId));
        string job;
        string victimName;
        await using (var blocker = await deployment.ConnectAsync())
        {
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("""LOCK TABLE "ReportSnapshots" IN EXCLUSIVE MODE""", blocker, transaction))
                await lockTable.ExecuteNonQueryAsync();
            job = new ReportJobs(client).EnqueueEvent((int)eventId);
            await deployment.UntilAsync(async () => (await ProcessingAsync(deployment, [long.Parse(job)])).Count == 1, TimeSpan.FromSeconds(30),
                "A worker taking the job");
            victimName = (await ProcessingAsync(deployment, [long.Parse(job)]))[long.Parse(job)][0].Split(':')[0];
            await deployment.UntilAsync(async () => await deployment.ScalarAsync<long>("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE application_name = @worker AND wait_event_type = 'Lock' AND query LIKE '%ReportSnapshots%'
                    """, ("worker", victimName)) > 0,
                TimeSpan.FromSeconds(30), "The job waiting to write its snapshot");
            // While its worker lives, the job keeps its claim past the invisibility timeout (the timeout slides), so a long
            // job is never taken twice; only a dead worker's claim runs out.
            await Task.Delay(Deployment.InvisibilityTimeout + TimeSpan.FromSeconds(3));
            (await ProcessingAsync(deployment, [long.Parse(job)]))[long.Parse(job)].Count.ShouldBe(1, "a live worker's job is not taken again");
            var victim = workers.Single(w => w.Name == victimName);
            victim.KillHard();
            victim.HasExited.ShouldBeTrue();
            await transaction.RollbackAsync();
        }
        var killedAt = clock.Elapsed;
        await deployment.UntilAsync(async () => await SucceededAsync(deployment, [long.Parse(job)]) == 1, TimeSpan.FromSeconds(60),
            "The killed worker's job completing on the other worker");
        var resumedAfter = clock.Elapsed - killedAt;
        var taken = (await ProcessingAsync(deployment, [long.Parse(job)]))[long.Parse(job)];
        taken.Select(s => s.Split(':')[0]).ShouldBe([victimName, workers.Single(w => w.Name != victimName).Name],
            "taken by the victim, then by the survivor");

        output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} killed worker's job completed");
        // Consistent: one row per scope, each computed from the data as it is now, and node 2 serves the same numbers.
        (await CountAsync(deployment, """
            SELECT count(*) FROM "ReportSnapshots" s JOIN "Events" e ON s."ScopeKind" = 'event' AND s."ScopeKey" = e."Slug"
            WHERE s."DataVersion" <> e."DataVersion" AND e."Id" = ANY(@ids)
            """, [.. events.Select(e => long.Parse(e.Item1))])).ShouldBe(0, "every event snapshot is fresh");
        (await CountAsync(deployment, """
            SELECT count(*) FROM "ReportSnapshots" WHERE "ScopeKind" = 'all' AND "DataVersion" = (SELECT sum("DataVersion" + 1) FROM "Events" WHERE "Id" = ANY(@ids))
            """, [.. events.Select(e => long.Parse(e.Item1))])).ShouldBe(1, "all time is fresh");
        (await deployment.ScalarAsync<long>("""
            SELECT count(*) FROM (SELECT "ScopeKind", "ScopeKey" FROM "ReportSnapshots" GROUP BY 1, 2 HAVING count(*) > 1) duplicates
            """)).ShouldBe(0, "one row per scope");
        var after = JsonDocument.Parse(await signedIn.GetStringAsync($"/api/reports/event/{Slug}")).RootElement.GetProperty("participants");
        after.GetProperty("registered").GetInt32().ShouldBe(expected.Registered);
        after.GetProperty("withProfile").GetInt32().ShouldBe(expected.WithProfile);

        output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} snapshots consistent; the job resumed {resumedAfter.TotalSeconds:0.0} s after the kill, on {taken[^1]}");
    }

    private static PostgreSqlStorage Storage(Deployment deployment)
    {
        var options = AnalyticsJobStorage.PostgresOptions(JobSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()),
            installSchema: false);
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(deployment.ConnectionString, options), options);
    }

    private static Task<long> TablesAsync(Deployment deployment, string schema) =>
        deployment.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema", ("schema", schema));

    private static async Task<List<string>> ServersAsync(Deployment deployment) =>
        [.. (await deployment.PairsAsync("SELECT id, id FROM hangfire.server")).Select(s => s.Item1)];

    private static Task<long> CountAsync(Deployment deployment, string sql, long[] ids) => deployment.ScalarAsync<long>(sql, ("ids", ids));

    private static Task<long> SucceededAsync(Deployment deployment, long[] ids) =>
        CountAsync(deployment, "SELECT count(*) FROM hangfire.job WHERE id = ANY(@ids) AND statename = 'Succeeded'", ids);

    private static async Task ExecuteAsync(Deployment deployment, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await deployment.ConnectAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>For each job, the servers that moved it to Processing, in order: one entry per time it was taken.</summary>
    private static async Task<Dictionary<long, List<string>>> ProcessingAsync(Deployment deployment, long[] ids)
    {
        await using var connection = await deployment.ConnectAsync();
        await using var command = new NpgsqlCommand(
            "SELECT jobid, data::json->>'ServerId' FROM hangfire.state WHERE name = 'Processing' AND jobid = ANY(@ids) ORDER BY id", connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new Dictionary<long, List<string>>();
        while (await reader.ReadAsync())
        {
            var id = reader.GetInt64(0);
            if (!runs.TryGetValue(id, out var servers)) runs[id] = servers = [];
            servers.Add(reader.GetString(1));
        }
        return runs;
    }
}
