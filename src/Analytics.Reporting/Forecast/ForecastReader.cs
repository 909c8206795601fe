using Analytics.Core.Disclosure;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Forecast;

/// <summary>
/// The forecast a page shows for an event, protected by disclosure control on the way out. A planned event's forecast is
/// made on reading, from its registrations as they are now and the current stored version, so registrations imported
/// since the last training count at once. A held event shows the forecast stored before it started.
/// </summary>
public sealed class ForecastReader(AnalyticsDbContext db, TurnoutHistory history, Forecaster forecaster, ForecastSnapshots snapshots,
    LoadedModels models, DisclosureControl disclosure, TimeProvider clock)
{
    /// <summary>
    /// Null when the event has no forecast: no version trained yet, or a held event without one stored before it. A page
    /// that has read the event passes its start (<paramref name="startsAtUtc"/>), which is otherwise looked up.
    /// </summary>
    public async Task<ShownForecast?> ReadAsync(string slug, CancellationToken cancellationToken, DateTime? startsAtUtc = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        startsAtUtc ??= await db.Events.AsNoTracking().Where(e => e.Slug == slug).Select(e => (DateTime?)e.StartsAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (startsAtUtc is null) return null;
        if (startsAtUtc > now)
            return await forecaster.CurrentAsync(cancellationToken) is { } version && await history.ForEventAsync(slug, cancellationToken) is { } found
                ? new ShownForecast(disclosure.Protect(Forecaster.Forecast(slug, version, found.Cases, models)), version.TrainedAtUtc, true)
                : null;
        return await snapshots.ReadAsync(slug, cancellationToken) is { } stored
            ? new ShownForecast(disclosure.Protect(stored.Figures), stored.MadeAtUtc, false)
            : null;
    }

    /// <summary>The forecasts of those of <paramref name="slugs"/> that are still planned, by slug, from one read of their registrations.</summary>
    public async Task<IReadOnlyDictionary<string, ShownForecast>> ReadPlannedAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0 || await forecaster.CurrentAsync(cancellationToken) is not { } version) return new Dictionary<string, ShownForecast>();
        var planned = await history.PlannedAsync(clock.GetUtcNow().UtcDateTime, cancellationToken, slugs);
        return planned.ToDictionary(p => p.Event.Slug,
            p => new ShownForecast(disclosure.Protect(Forecaster.Forecast(p.Event.Slug, version, p.Cases, models)), version.TrainedAtUtc, true),
            StringComparer.Ordinal);
    }
}

/// <summary>
/// A protected forecast as a page shows it. <see cref="FromCurrentRegistrations"/>: made now from today's registrations with
/// the version trained at <see cref="AsOfUtc"/>; otherwise the forecast stored at <see cref="AsOfUtc"/>, before the event.
/// </summary>
public sealed record ShownForecast(ProtectedForecast Forecast, DateTime AsOfUtc, bool FromCurrentRegistrations);
