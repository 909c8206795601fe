namespace Analytics.Core.Reports;

/// <summary>
/// How far a scope reaches across boundaries, raw, as stored in a snapshot. Organisations, sectors and municipalities
/// are distinct among the counted people with a profile; returning attendees are counted people (with or without a
/// profile) whose attendee key was counted at an earlier event.
/// </summary>
public sealed record ReachFigures(
    int Organisations,
    int Sectors,
    int Municipalities,
    int NewOrganisations,
    int ReturningAttendees,
    double? ShareOfCrossSectorEvents,
    double? ShareOfCoHostedEvents,
    TieNetworkFigures Ties)
{
    /// <summary>
    /// The tie network in full, as the report builder makes it. It is stored apart from the payload
    /// (<see cref="ReportSnapshot.TieGraph"/>), so figures read back from a snapshot carry it only when the snapshot was
    /// stored before the network had its own column; null otherwise.
    /// </summary>
    public TieGraphFigures? TieGraph { get; init; }
}

/// <summary>
/// The organisation tie network of a scope in summary: how many pairs of organisations met at its events, the sum of
/// their Newman weights, and the weighted E-I index over the organisations' sectors (null without ties).
/// </summary>
public sealed record TieNetworkFigures(int Ties, double TotalWeight, double? EiIndex);

/// <summary>
/// The organisation tie network of a scope in full, raw: every organisation with a tie, as the organisation breakdown
/// tallies it (its persons and sector decide whether it may be named), and every tie between two of them by tally code,
/// with its Newman weight.
/// </summary>
public sealed record TieGraphFigures(IReadOnlyList<Tally> Organisations, IReadOnlyList<OrganisationTie> Ties)
{
    // Compared by content, so figures read back from a snapshot equal the figures that were written.
    public bool Equals(TieGraphFigures? other) =>
        other is not null && Organisations.SequenceEqual(other.Organisations) && Ties.SequenceEqual(other.Ties);

    public override int GetHashCode() => HashCode.Combine(Organisations.Count, Ties.Count);
}

/// <summary>A weighted tie between two organisations, by their codes in the organisation breakdown.</summary>
public sealed record OrganisationTie(string First, string Second, double Weight);
