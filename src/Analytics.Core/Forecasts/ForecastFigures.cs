namespace Analytics.Core.Forecasts;

/// <summary>
/// An unprotected forecast for one event: the sum of each registration's probability of attending, its variance, and the
/// same per sector. Shown only through <see cref="Disclosure.DisclosureControl.Protect(ForecastFigures)"/>.
/// </summary>
public sealed record ForecastFigures(string EventSlug, int ModelVersion, bool UsesModel, int Registered, double Expected, double Variance,
    IReadOnlyList<ForecastGroup> Sectors);

/// <summary>
/// One sector's registrations (RSVP yes) and their expected turnout. Registrations without a shared profile form a group of
/// their own (<see cref="NoProfile"/>), so the groups add up to the whole.
/// </summary>
public sealed record ForecastGroup(string Code, string Label, int Registered, double Expected)
{
    public const string NoProfile = "ej-delad";
}
