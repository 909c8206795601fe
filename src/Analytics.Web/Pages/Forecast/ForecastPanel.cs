using Analytics.Core.Disclosure;

namespace Analytics.Web.Pages.Forecast;

/// <summary>What the forecast box on an event page needs: the event, whether it is still planned, and its report for the outcome.</summary>
public sealed record ForecastPanel(string Slug, bool Planned, ProtectedReport? Outcome);
