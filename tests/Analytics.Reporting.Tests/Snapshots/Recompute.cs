using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;

namespace Analytics.Reporting.Tests.Snapshots;

/// <summary>The snapshot services over one context, wired as the application wires them.</summary>
internal sealed class Recompute(AnalyticsDbContext db)
{
    public SnapshotStore Store { get; } = new(db, FixedClock.SampleDay);

    public ReportRecomputer Recomputer => Recomputers.Of(db, Store);

    /// <summary>Two events in the first quarter of 2026 and one in the second.</summary>
    public static async Task ArrangeAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var data = new ReportData(db);
        await data.AddAsync(await data.EventAsync("januari", new DateTime(2026, 1, 20, 17, 0, 0)),
            Someone.WithKey("a").Attended().In("kommun"), Someone.WithKey("b").NoShow().In("region"));
        await data.AddAsync(await data.EventAsync("mars", new DateTime(2026, 3, 23, 17, 0, 0)),
            Someone.WithKey("a").Attended().In("kommun"), Someone.WithKey("c").Attended().In("stat"));
        await data.AddAsync(await data.EventAsync("maj", new DateTime(2026, 5, 20, 17, 0, 0)), Someone.WithKey("d").In("akademi"));
    }
}
