namespace Analytics.Core.Targets;

/// <summary>The share of one category that the steering group aims for.</summary>
public sealed class TargetMix
{
    public int Id { get; set; }
    public required string Dimension { get; set; }
    public required string Code { get; set; }
    public double Share { get; set; }

    /// <summary>The seeded targets are examples, not decisions, and the UI says so.</summary>
    public bool IsExample { get; set; }
}
