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

    /// <summary>Null when valid, otherwise one sentence saying what is wrong.</summary>
    public string? Validate() => K < LowestThreshold
        ? $"Disclosure:K är {K}, men tröskeln får aldrig vara lägre än {LowestThreshold} (Disclosure:K is {K}; it must be at least {LowestThreshold})."
        : null;
}
