namespace Analytics.Core.Reports;

/// <summary>
/// The raw count of one category in one scope, before disclosure control. Persons counts distinct people (a returning
/// attendee counts once), which is what the disclosure threshold is about. Group is the sector of an organisation, so
/// small organisations can roll up within their sector. KeySum is the sum of the rows' record keys mod 1, the cell key of
/// the cell-key method for public outputs (0 in snapshots computed before it existed).
/// </summary>
public sealed record Tally(string Code, string Label, int Count, int Persons, string? Group = null, string? GroupLabel = null,
    double KeySum = 0);

/// <summary>The raw counts of one dimension in one scope. Never leaves the system without passing disclosure control.</summary>
public sealed record Breakdown(string Dimension, IReadOnlyList<Tally> Tallies)
{
    public int Total => Tallies.Sum(t => t.Count);
}
