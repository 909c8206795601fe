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

    /// <summary>The <see cref="ReportFigures"/> as JSON, without the tie network (see <see cref="TieGraph"/>).</summary>
    public required string Payload { get; set; }

    /// <summary>
    /// The raw tie network of the scope (<see cref="TieGraphFigures"/>) as JSON, apart from the payload: only the reach page
    /// draws it, and it grows with the square of the organisations (110 MB for all time at a million participations), so
    /// every other reader would pay for it. Null where the scope has no network or the row predates this column.
    /// </summary>
    public string? TieGraph { get; set; }

    /// <summary>How the payload is laid out; rows below <see cref="CurrentFormat"/> are stale until recomputed.</summary>
    public int PayloadFormat { get; set; }

    /// <summary>
    /// New on every write. Readers cache protected reports by it, so no server serves a report after a recompute (the
    /// data version and time alone can repeat: a recompute after a change of targets keeps the version).
    /// </summary>
    public Guid Revision { get; set; }

    /// <summary>0: the tie network inside the payload. 1: the tie network in <see cref="TieGraph"/>.</summary>
    public const int CurrentFormat = 1;
}
