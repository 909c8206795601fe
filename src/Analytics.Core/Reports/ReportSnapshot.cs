namespace Analytics.Core.Reports;

/// <summary>
/// Stored raw figures for one scope, derived from the database and recomputable at any time. Stale when the data
/// version of its scope has moved on since it was computed.
/// </summary>
/// <remarks>
/// One row holds every dimension of its scope, keyed by dimension inside the payload: all of them are counted from the
/// same rows at the same version and protected together (the indices of each depend on the scope's headcount), so the
/// scope is the unit that is written, versioned and read, and one row keeps it atomic without a transaction.
/// </remarks>
public sealed class ReportSnapshot
{
    public long Id { get; set; }
    public required string ScopeKind { get; set; }
    public required string ScopeKey { get; set; }
    public long DataVersion { get; set; }
    public DateTime ComputedAtUtc { get; set; }

    /// <summary>The <see cref="ReportFigures"/> as JSON.</summary>
    public required string Payload { get; set; }
}
