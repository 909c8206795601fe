using System.Globalization;
using Analytics.Data.Configuration;
using Microsoft.Extensions.Configuration;

namespace Analytics.Reporting.Forecast;

/// <summary>The "Forecast" configuration section.</summary>
public sealed record ForecastSettings
{
    /// <summary>Below this many held events with attendance known, no model is trained and base rates by sector are used.</summary>
    public int MinimumEvents { get; init; } = 8;

    /// <summary>The seed of the MLContext: the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 20261;

    /// <summary>The share of the latest events held out to test on (at least one event).</summary>
    public double TestShare { get; init; } = 0.25;

    public static ForecastSettings From(IConfiguration configuration)
    {
        var settings = new ForecastSettings();
        if (configuration["Forecast:MinimumEvents"] is { Length: > 0 } minimum)
            settings = settings with { MinimumEvents = Whole(minimum, "Forecast:MinimumEvents", 2) };
        if (configuration["Forecast:Seed"] is { Length: > 0 } seed)
            settings = settings with { Seed = Whole(seed, "Forecast:Seed", 0) };
        return settings;
    }

    private static int Whole(string text, string key, int lowest) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= lowest
            ? value
            : throw new ConfigurationProblem($"{key} should be a whole number of at least {lowest}, not “{text}”.");
}
