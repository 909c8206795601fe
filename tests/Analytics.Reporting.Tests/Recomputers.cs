using Analytics.Data;
using Analytics.Reporting.Figures;
using Analytics.Reporting.Forecast;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;

namespace Analytics.Reporting.Tests;

/// <summary>The recompute as the application puts it together, on one context and the sample's day, without a container.</summary>
internal static class Recomputers
{
    public static ReportRecomputer Of(AnalyticsDbContext db, SnapshotStore? store = null)
    {
        var (history, models, clock) = (new TurnoutHistory(db), new LoadedModels(), FixedClock.SampleDay);
        var forecasts = new ForecastUpdates(db, new ForecastTrainer(db, history, new ForecastSettings(), clock), new Forecaster(db, history, models),
            new ForecastSnapshots(db, history, models), clock);
        return new ReportRecomputer(db, new ReportBuilder(db), store ?? new SnapshotStore(db, clock), forecasts);
    }
}
