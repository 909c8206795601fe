using Analytics.Core.Disclosure;
using Analytics.Reporting.Forecast;

namespace Analytics.Web.Pages.Forecast;

/// <summary>
/// What the forecast box needs, on the event page and on the balance page alike: the protected forecast (null when there is
/// none), whether the event is still planned, its report for the outcome once held, and the sector targets to set the mix
/// at the door beside (the balance page). <paramref name="Id"/> is unique on the page; <paramref name="Level"/> is the
/// heading level of the box.
/// </summary>
public sealed record ForecastPanel(string Id, int Level, bool Planned, ShownForecast? Shown, ProtectedReport? Outcome = null,
    IReadOnlyDictionary<string, double>? SectorTargets = null)
{
    /// <summary>The outcome stands beside the forecast only after the event, and only where attendance is known.</summary>
    public bool ShowsOutcome => !Planned && Outcome is { Participants.AttendanceUnknown: false };

    public IReadOnlyList<DoorRow> Door => Shown is { Forecast: { Withheld: false } forecast } && SectorTargets is { Count: > 0 } targets
        ? DoorMix.Of(forecast, targets)
        : [];
}
