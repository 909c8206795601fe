using System.Globalization;
using Analytics.Core.Consent;
using Analytics.Data.Configuration;
using Microsoft.Extensions.Configuration;

namespace Analytics.Ingest.CheckIn;

/// <summary>The check-in window from configuration: CheckIn:OpensHoursBefore (default 2) and CheckIn:ClosesHoursAfter (default 4).</summary>
public static class CheckInSettings
{
    /// <summary>A window longer than two days is no longer "at the door"; a mistake here would open the form for weeks.</summary>
    public const int MaxHours = 48;

    public static CheckInWindow From(IConfiguration configuration) => new(
        Read(configuration, "CheckIn:OpensHoursBefore", CheckInWindow.Default.OpensHoursBefore),
        Read(configuration, "CheckIn:ClosesHoursAfter", CheckInWindow.Default.ClosesHoursAfter));

    private static int Read(IConfiguration configuration, string key, int fallback)
    {
        if (configuration[key] is not { Length: > 0 } text) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours) && hours is >= 0 and <= MaxHours
            ? hours
            : throw new ConfigurationProblem(Messages.Say("{0} ska vara ett heltal mellan 0 och {1} timmar, inte ”{2}”.", key, MaxHours, text));
    }
}
