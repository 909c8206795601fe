using System.Text.Json;
using Analytics.Core.Forecasts;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Forecast;

/// <summary>
/// Keeps the forecast each planned event had before it started: rewritten while the event is planned, then left as it
/// was, so the report can show forecast beside outcome.
/// </summary>
public sealed class ForecastSnapshots(AnalyticsDbContext db, TurnoutHistory history, LoadedModels models)
{
    /// <summary>Writes the current version's forecast for every event that has not started; returns how many.</summary>
    public async Task<int> WritePlannedAsync(ForecastModel version, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var planned = await db.Events.AsNoTracking().Where(e => e.StartsAtUtc > nowUtc).Select(e => new { e.Id, e.Slug }).ToListAsync(cancellationToken);
        foreach (var ev in planned)
        {
            if (await history.ForEventAsync(ev.Slug, cancellationToken) is not { } found) continue;
            var figures = Forecaster.Forecast(ev.Slug, version, found.Cases, models);
            var payload = JsonSerializer.Serialize(figures, ForecastTrainer.Json);
            var snapshot = await db.ForecastSnapshots.FirstOrDefaultAsync(s => s.EventId == ev.Id, cancellationToken);
            if (snapshot is null)
                db.ForecastSnapshots.Add(new ForecastSnapshot { EventId = ev.Id, ModelVersion = version.Version, MadeAtUtc = nowUtc, Payload = payload });
            else
                (snapshot.ModelVersion, snapshot.MadeAtUtc, snapshot.Payload) = (version.Version, nowUtc, payload);
        }
        await db.SaveChangesAsync(cancellationToken);
        return planned.Count;
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
