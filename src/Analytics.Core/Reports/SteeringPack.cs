namespace Analytics.Core.Reports;

/// <summary>
/// The steering group's Excel pack for one quarter, built by the quarterly job and kept as a file, so the list of
/// packs shows what the group was given even after the data has moved on. One row per quarter: a rebuild replaces it.
/// </summary>
public sealed class SteeringPack
{
    public int Id { get; set; }

    /// <summary>The quarter, written as <see cref="Events.Quarter.ToString"/> does (2026Q1).</summary>
    public required string QuarterKey { get; set; }

    /// <summary>The .xlsx file.</summary>
    public required byte[] Content { get; set; }

    public int SizeBytes { get; set; }

    /// <summary>The data version of the quarter's snapshot the pack was built from.</summary>
    public long DataVersion { get; set; }

    /// <summary>When the quarter's figures in the pack were computed.</summary>
    public DateTime ComputedAtUtc { get; set; }

    /// <summary>When the file was built.</summary>
    public DateTime BuiltAtUtc { get; set; }
}
