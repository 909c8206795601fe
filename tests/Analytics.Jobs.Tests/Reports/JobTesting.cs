using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Tests.Reports;

/// <summary>What the report job tests share: a job server's services on a test database, and three events to report on.</summary>
internal static class JobTesting
{
    /// <summary>The services a job server has, on the test database, with the jobs' log kept and any service replaced.</summary>
    public static ServiceProvider Services(TestDatabase database, RecordedLog log, Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.Settings.ConnectionString,
            ["Database:DataFolder"] = database.Settings.DataFolder,
            ["Privacy:AttendeeKeySecret"] = Convert.ToBase64String(new byte[32]),
        }).Build();
        var services = new ServiceCollection()
            .AddAnalytics(configuration)
            .AddLogging(logging => logging.AddProvider(log));
        replace?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Three events in two quarters: six scopes with all time.</summary>
    public static async Task ArrangeThreeEventsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var data = new ReportData(db);
        await data.AddAsync(await data.EventAsync("januari", new DateTime(2026, 1, 20, 17, 0, 0)),
            Someone.WithKey("a").Attended().In("kommun"), Someone.WithKey("b").NoShow().In("region"));
        await data.AddAsync(await data.EventAsync("mars", new DateTime(2026, 3, 23, 17, 0, 0)), Someone.WithKey("a").Attended().In("kommun"));
        await data.AddAsync(await data.EventAsync("maj", new DateTime(2026, 5, 20, 17, 0, 0)), Someone.WithKey("c").In("akademi"));
    }

    public static async Task<int> EventIdAsync(TestDatabase database, string slug)
    {
        await using var db = database.Open();
        return await db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync();
    }

    /// <summary>Every stored snapshot as a row, by "kind:key".</summary>
    public static async Task<Dictionary<string, StoredSnapshot>> SnapshotsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.ReportSnapshots.AsNoTracking().ToDictionaryAsync(s => $"{s.ScopeKind}:{s.ScopeKey}",
            s => new StoredSnapshot(s.Payload, s.DataVersion, s.ComputedAtUtc));
    }
}

internal sealed record StoredSnapshot(string Payload, long DataVersion, DateTime ComputedAtUtc);

/// <summary>A clock that moves on a minute every time it is read, so every write gets its own time.</summary>
internal class SteppingClock : TimeProvider
{
    private long _reads;

    public override DateTimeOffset GetUtcNow() =>
        new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero).AddMinutes(Interlocked.Increment(ref _reads));
}
