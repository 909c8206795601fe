using System.Text.Json;
using Analytics.Core.Forecasts;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Forecast;

/// <summary>
/// Keeps the forecast each planned event had before it started: rewritten while the event is planned (by each training
/// and each recompute of the event's report, see <see cref="ForecastUpdates"/>), then left as it was, so the report can
/// show forecast beside outcome.
/// </summary>
public sealed class ForecastSnapshots(AnalyticsDbContext db, TurnoutHistory history, LoadedModels models)
{
    /// <summary>
    /// Writes <paramref name="version"/>'s forecast for every event that has not started (only those of
    /// <paramref name="slugs"/> when given), except where a newer version's is stored already; returns how many were planned.
    /// A training and a report recompute may write the same events at once (they hold different locks, and the CLI none):
    /// if the other inserted one of these rows meanwhile, the save is made again over what it wrote.
    /// </summary>
    public async Task<int> WritePlannedAsync(ForecastModel version, DateTime nowUtc, CancellationToken cancellationToken,
        IReadOnlyCollection<string>? slugs = null)
    {
        // One read of the planned events' registrations and one of their stored forecasts, not a round of queries per event.
        var planned = await history.PlannedAsync(nowUtc, cancellationToken, slugs);
        try
        {
            await WriteAsync(planned, version, nowUtc, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await WriteAsync(planned, version, nowUtc, cancellationToken);
        }
        return planned.Count;
    }

    private async Task WriteAsync(IReadOnlyList<(Core.Events.Event Event, IReadOnlyList<TurnoutCase> Cases)> planned, ForecastModel version,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        var ids = planned.Select(p => p.Event.Id).ToList();
        var stored = await db.ForecastSnapshots.Where(s => ids.Contains(s.EventId)).ToDictionaryAsync(s => s.EventId, cancellationToken);
        foreach (var (ev, cases) in planned)
        {
            var exists = stored.TryGetValue(ev.Id, out var snapshot);
            // A recompute that read the current version just before a training stored the next must not undo the training.
            if (exists && snapshot!.ModelVersion > version.Version) continue;
            var payload = JsonSerializer.Serialize(Forecaster.Forecast(ev.Slug, version, cases, models), ForecastTrainer.Json);
            if (!exists)
                db.ForecastSnapshots.Add(new ForecastSnapshot { EventId = ev.Id, ModelVersion = version.Version, MadeAtUtc = nowUtc, Payload = payload });
            else
                (snapshot!.ModelVersion, snapshot.MadeAtUtc, snapshot.Payload) = (version.Version, nowUtc, payload);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The forecast stored for an event before it started, or null.</summary>
    public async Task<(ForecastFigures Figures, DateTime MadeAtUtc)?> ReadAsync(string slug, CancellationToken cancellationToken)
    {
        var snapshot = await db.ForecastSnapshots.AsNoTracking()
            .Join(db.Events.Where(e => e.Slug == slug), s => s.EventId, e => e.Id, (s, _) => s)
            .FirstOrDefaultAsync(cancellationToken);
        return snapshot is null ? null : (JsonSerializer.Deserialize<ForecastFigures>(snapshot.Payload, ForecastTrainer.Json)!, snapshot.MadeAtUtc);
    }
}
