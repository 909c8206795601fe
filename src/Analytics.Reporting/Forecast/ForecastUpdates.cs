using Analytics.Core.Forecasts;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Forecast;

/// <summary>
/// The one place a forecast version is trained and the planned events' stored forecasts (the forecast each event had
/// before it started) are written. The weekly job, the admin's "train now" (through that job) and
/// <c>analytics forecast train</c> all call <see cref="TrainAsync"/>; every report recompute of a planned event calls
/// <see cref="RefreshAsync"/>, so an import, a check-in or a withdrawal reaches the stored forecast without retraining.
/// </summary>
public sealed class ForecastUpdates(AnalyticsDbContext db, ForecastTrainer trainer, Forecaster forecaster, ForecastSnapshots snapshots,
    TimeProvider clock)
{
    /// <summary>Trains and stores a new version, then rewrites the stored forecast of every planned event with it.</summary>
    public async Task<TrainedVersion> TrainAsync(CancellationToken cancellationToken)
    {
        var version = await trainer.TrainAsync(cancellationToken);
        var planned = await snapshots.WritePlannedAsync(version, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new TrainedVersion(version, planned);
    }

    /// <summary>
    /// Rewrites the stored forecasts of those of <paramref name="slugs"/> that are still planned, from their registrations
    /// as they are now and the current version (no training); returns how many. Nothing when none is planned (a held
    /// event keeps the forecast made before it) or no version is trained yet.
    /// </summary>
    public async Task<int> RefreshAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        // The planned events are few, while a full recompute names every event: match them here, not in an IN list of
        // thousands. Most recomputes follow an attendance list of a held event, and then the model is never read.
        var asked = slugs as IReadOnlySet<string> ?? slugs.ToHashSet(StringComparer.Ordinal);
        var planned = (await db.Events.AsNoTracking().Where(e => e.StartsAtUtc > now).Select(e => e.Slug).ToListAsync(cancellationToken))
            .Where(asked.Contains).ToList();
        if (planned.Count == 0) return 0;
        if (await forecaster.CurrentAsync(cancellationToken) is not { } version) return 0;
        return await snapshots.WritePlannedAsync(version, now, cancellationToken, planned);
    }
}

/// <summary>A version just trained, and how many planned events' stored forecasts it rewrote.</summary>
public sealed record TrainedVersion(ForecastModel Version, int PlannedForecasts);
