using System.Globalization;
using Analytics.Data.Configuration;
using Microsoft.Extensions.Configuration;

namespace Analytics.Jobs.Retention;

/// <summary>
/// The configured retention period: Retention:Months, 24 by default, refused at start outside 6..120. An admin may
/// override it in the app within the same bounds (<see cref="RetentionPeriod"/>).
/// </summary>
public sealed record RetentionSettings(int Months)
{
    public const int DefaultMonths = 24;
    public const int MinMonths = 6;
    public const int MaxMonths = 120;

    public static RetentionSettings From(IConfiguration configuration)
    {
        // The same key and bounds as the admin's setting, which overrides this one.
        if (configuration[RetentionPeriod.Key] is not { Length: > 0 } text) return new(DefaultMonths);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var months) && RetentionPeriod.IsAllowed(months)
            ? new(months)
            : throw new ConfigurationProblem(
                $"Retention:Months ska vara ett heltal mellan {MinMonths} och {MaxMonths} (månader som uppgifter per person sparas), inte ”{text}”.");
    }
}
