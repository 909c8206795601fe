namespace Analytics.Core.Reports;

/// <summary>
/// The raw figures of one scope, as computed from the database and stored in a snapshot. Disclosure control turns them
/// into a <see cref="Disclosure.ProtectedReport"/>, the only form in which they leave the system.
/// </summary>
public sealed record ReportFigures(
    ReportScope Scope,
    int Events,
    int EventsWithAttendance,
    int Registered,
    int? Attended,
    int Counted,
    int WithProfile,
    int Guests,
    IReadOnlyList<Breakdown> Breakdowns)
{
    /// <summary>
    /// The same profile breakdowns for parts of the people in scope: speakers, audience and all yes registrations.
    /// Empty in snapshots computed before subsets existed.
    /// </summary>
    public IReadOnlyList<Subset> Subsets { get; init; } = [];

    /// <summary>The cell keys of the headcounts, for public outputs; null in snapshots computed before they existed.</summary>
    public HeadcountKeys? HeadcountKeys { get; init; }

    /// <summary>Reach across organisations, sectors and municipalities; null in snapshots computed before reach existed.</summary>
    public ReachFigures? Reach { get; init; }

    /// <summary>The dimensions that have a target mix, against it; empty where no targets are set.</summary>
    public IReadOnlyList<BalanceFigures> Balance { get; init; } = [];

    /// <summary>
    /// Registered counts RSVP yes. Attended is null where no event in scope has an attendance list. Counted is the base
    /// of every breakdown: attendees where attendance is known, otherwise registrations. Guests add to headcounts only.
    /// </summary>
    public Breakdown? Find(string dimension) => Breakdowns.FirstOrDefault(b => b.Dimension == dimension);

    public Subset? FindSubset(string name) => Subsets.FirstOrDefault(s => s.Name == name);

    public BalanceFigures? FindBalance(string dimension) => Balance.FirstOrDefault(b => b.Dimension == dimension);
}

/// <summary>The cell keys (sums of record keys mod 1) of the registered, attended and with-profile headcounts.</summary>
public sealed record HeadcountKeys(double Registered, double Attended, double WithProfile);
