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
    TieNetworkFigures Ties);

/// <summary>
/// The organisation tie network of a scope in summary: how many pairs of organisations met at its events, the sum of
/// their Newman weights, and the weighted E-I index over the organisations' sectors (null without ties).
/// </summary>
public sealed record TieNetworkFigures(int Ties, double TotalWeight, double? EiIndex);
