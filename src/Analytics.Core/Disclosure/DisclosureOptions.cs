using Analytics.Core.Localisation;

namespace Analytics.Core.Disclosure;

/// <summary>The deployment's disclosure settings (configuration section "Disclosure").</summary>
public sealed class DisclosureOptions
{
    public const int DefaultThreshold = 5;
    public const int LowestThreshold = 3;

    /// <summary>Diversity indices and gaps need at least this many people with a profile to mean anything.</summary>
    public const int MinimumForIndices = 10;

    /// <summary>The threshold k of distinct persons below which a count is not shown.</summary>
    public int K { get; set; } = DefaultThreshold;

    /// <summary>The sentence for a threshold that is not a whole number.</summary>
    public static string NotANumber(string text) =>
        CoreMessages.Say("Disclosure:K ska vara ett heltal (minst {0}), inte ”{1}”.", LowestThreshold, text);

    /// <summary>Null when valid, otherwise one sentence saying what is wrong.</summary>
    public string? Validate() => K < LowestThreshold
        ? CoreMessages.Say("Disclosure:K är {0}, men tröskeln får aldrig vara lägre än {1}.", K.ToString(System.Globalization.CultureInfo.InvariantCulture), LowestThreshold)
        : null;
}
