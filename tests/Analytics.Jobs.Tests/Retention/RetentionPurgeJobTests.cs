using Analytics.Core.Audit;
using Analytics.Data;
using Analytics.Core.Consent;
using Analytics.Data.Configuration;
using Analytics.Jobs.Reports;
using Analytics.Jobs.Retention;
using Analytics.Jobs.Scheduling;
using Analytics.Jobs.Tests.Reports;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Tests.Retention;

public class RetentionPurgeJobTests
{
    /// <summary>Two years after mid-February 2026: January's event is past the default 24 months, March's and May's are not.</summary>
    private static readonly FixedClock TwoYearsOn = new(new DateTimeOffset(2028, 2, 15, 1, 30, 0, TimeSpan.Zero));

    private static ServiceProvider Services(TestDatabase database) =>
        JobTesting.Services(database, new RecordedLog(), s => s.AddSingleton<TimeProvider>(TwoYearsOn));

    private static async Task RunAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetentionPurgeJob>().RunAsync(CancellationToken.None);
    }

    private static async Task RecomputeAllAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecomputeReportsJob>().RunAsync(true, CancellationToken.None);
    }

    /// <summary>
    /// The three events of <see cref="JobTesting.ArrangeThreeEventsAsync"/>, with the consent records a check-in at January's
    /// event and imported lists leave: "a" came in January and March, "b" only in January, "c" in May.
    /// </summary>
    private static async Task ArrangeAsync(TestDatabase database)
    {
        await JobTesting.ArrangeThreeEventsAsync(database);
        var january = await JobTesting.EventIdAsync(database, "januari");
        await using var db = database.Open();
        ConsentRecord Consent(string key, DateTime given, int? eventId = null) => new()
        {
            AttendeeKey = key, TextVersion = "1", Language = "sv", Purposes = ConsentPurposes.Statistics, GivenAtUtc = given,
            Channel = eventId is null ? "meetup" : ConsentChannels.CheckIn, EventId = eventId,
        };
        db.ConsentRecords.AddRange(
            Consent("a", new DateTime(2026, 1, 20, 16, 0, 0, DateTimeKind.Utc), january),
            Consent("a", new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc)),
            Consent("b", new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc)),
            Consent("c", new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc)));
        await db.SaveChangesAsync();
    }

    [Theory, DatabaseProviders]
    public async Task Follows_the_period_an_admin_set_in_the_app_over_the_configured_default(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        await using var services = Services(database);
        await using (var scope = services.CreateAsyncScope())
        {
            var period = scope.ServiceProvider.GetRequiredService<RetentionPeriod>();
            (await period.SetAsync(5, "admin-1")).ShouldBeFalse("below the bounds");
            (await period.MonthsAsync()).ShouldBe(RetentionSettings.DefaultMonths);
            // 21 months before mid-February 2028 is mid-May 2026: January's and March's events are past it, May's is not.
            (await period.SetAsync(21, "admin-1")).ShouldBeTrue();
        }

        await RunAsync(services);

        await using var db = database.Open();
        (await db.Events.Where(e => e.PurgedAtUtc != null).OrderBy(e => e.StartsAtUtc).Select(e => e.Slug).ToListAsync()).ShouldBe(["januari", "mars"]);
        (await db.AuditEntries.Where(e => e.Action == AuditActions.SettingChanged).Select(e => e.Actor + " " + e.Subject + " " + e.Detail).ToListAsync())
            .ShouldBe(["admin-1 Retention:Months months=21"]);
    }

    [Theory, DatabaseProviders]
    public async Task Removes_exactly_the_old_events_per_person_rows_keeps_every_snapshot_and_audits_the_counts(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        await using var services = Services(database);
        await RecomputeAllAsync(services);
        var before = await JobTesting.SnapshotsAsync(database);
        string? revision;
        await using (var reading = database.Open()) revision = await Revision.Reports.ReadAsync(reading);

        await RunAsync(services);

        await using var db = database.Open();
        revision.ShouldNotBeNull();
        (await Revision.Reports.ReadAsync(db)).ShouldNotBe(revision, "the events are marked purged around SaveChanges, so the pages are told so");
        (await db.Participations.Join(db.Events, p => p.EventId, e => e.Id, (p, e) => new { e.Slug, p.AttendeeKey })
                .OrderBy(r => r.Slug).ThenBy(r => r.AttendeeKey).Select(r => r.Slug + ":" + r.AttendeeKey).ToListAsync())
            .ShouldBe(["maj:c", "mars:a"]);
        (await db.ConsentRecords.OrderBy(c => c.AttendeeKey).Select(c => c.AttendeeKey + ":" + (c.EventId == null ? "import" : "check-in")).ToListAsync())
            .ShouldBe(["a:import", "c:import"], "a still has March's participation; b had only January's; the check-in consent went with its event");
        (await db.Events.Where(e => e.PurgedAtUtc != null).Select(e => e.Slug).ToListAsync()).ShouldBe(["januari"]);
        (await JobTesting.SnapshotsAsync(database)).ShouldBe(before, ignoreOrder: true, "every snapshot stays exactly as it was");

        var entry = await db.AuditEntries.SingleAsync();
        (entry.Actor, entry.Action, entry.Subject, entry.Detail).ShouldBe((AuditActors.System, AuditActions.RetentionPurged, (string?)null,
            "events=1, participations=2, consents=2"));
    }

    [Theory, DatabaseProviders]
    public async Task The_nightly_recompute_leaves_every_scope_with_a_purged_event_frozen_and_still_recomputes_the_rest(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        await using var services = Services(database);
        await RecomputeAllAsync(services);
        await RunAsync(services);
        var purged = await JobTesting.SnapshotsAsync(database);
        await using (var db = database.Open())
            await db.Events.ExecuteUpdateAsync(s => s.SetProperty(e => e.DataVersion, e => e.DataVersion + 1));

        await RecomputeAllAsync(services);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RecomputeEventJob>().RunAsync(await JobTesting.EventIdAsync(database, "januari"), CancellationToken.None);

        var after = await JobTesting.SnapshotsAsync(database);
        foreach (var frozen in new[] { "event:januari", "quarter:2026Q1", "all:all" })
            after[frozen].ShouldBe(purged[frozen], $"{frozen} contains January's purged event");
        foreach (var live in new[] { "event:mars", "event:maj", "quarter:2026Q2" })
            after[live].DataVersion.ShouldBe(purged[live].DataVersion + 1, $"{live} has no purged event and follows the data");
        await using (var scope = services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<SnapshotStore>();
            foreach (var frozen in new[] { Core.Reports.ReportScope.ForEvent("januari"), Core.Reports.ReportScope.ForQuarter(new Core.Events.Quarter(2026, 1)), Core.Reports.ReportScope.AllTime })
                (await store.IsStaleAsync(frozen)).ShouldBeFalse($"{frozen} is frozen: final, not waiting for a recompute");
            foreach (var live in new[] { Core.Reports.ReportScope.ForEvent("mars"), Core.Reports.ReportScope.ForQuarter(new Core.Events.Quarter(2026, 2)) })
                (await store.IsStaleAsync(live)).ShouldBeFalse($"{live} was recomputed after the change");
        }
    }

    [Theory, DatabaseProviders]
    public async Task A_second_run_finds_nothing_left_and_writes_no_second_audit_entry(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database);
        await using var services = Services(database);
        await RunAsync(services);

        await RunAsync(services);

        await using var db = database.Open();
        (await db.AuditEntries.CountAsync()).ShouldBe(1);
        (await db.Participations.CountAsync()).ShouldBe(2);
    }

    [Theory]
    [InlineData(null, 24)]
    [InlineData("6", 6)]
    [InlineData("120", 120)]
    public void The_period_is_24_months_unless_configured_within_6_to_120(string? configured, int months) =>
        RetentionSettings.From(Configuration(configured)).Months.ShouldBe(months);

    [Theory]
    [InlineData("5")]
    [InlineData("121")]
    [InlineData("två år")]
    public void A_period_outside_the_bounds_is_refused_at_start_with_one_sentence(string configured) =>
        Should.Throw<ConfigurationProblem>(() => RetentionSettings.From(Configuration(configured)))
            .Message.ShouldBe($"Retention:Months ska vara ett heltal mellan 6 och 120 (månader som uppgifter per person sparas), inte ”{configured}”.");

    [Fact]
    public void Runs_daily_at_half_past_two_stockholm_time_on_the_reports_queue()
    {
        var storage = new InMemoryStorage();
        RecurringJobs.Register(new RecurringJobManager(storage));

        using var connection = storage.GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == "retention:daily");
        (job.Cron, job.TimeZoneId, job.Job.Queue, job.Job.Type, job.Error).ShouldBe(("30 2 * * *", "Europe/Stockholm", JobQueues.Reports, typeof(RetentionPurgeJob), (string?)null));
    }

    private static IConfiguration Configuration(string? months) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:Months"] = months }).Build();
}
