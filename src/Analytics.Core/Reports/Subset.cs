namespace Analytics.Core.Reports;

/// <summary>
/// The raw profile breakdowns of one part of the people in a scope. Counted and WithProfile play the same part as in
/// <see cref="ReportFigures"/>: the base of the breakdowns, and how many of them shared a profile.
/// </summary>
public sealed record Subset(string Name, int Counted, int WithProfile, IReadOnlyList<Breakdown> Breakdowns)
{
    /// <summary>Speakers (role talare), counted as attended where attendance is known and as registered otherwise.</summary>
    public const string Speakers = "speakers";

    /// <summary>The audience (role deltagare), counted as the whole scope is.</summary>
    public const string Audience = "audience";

    /// <summary>Every yes registration whether or not the person came, so the no-show pattern can be read beside the counted.</summary>
    public const string Registered = "registered";

    public Breakdown? Find(string dimension) => Breakdowns.FirstOrDefault(b => b.Dimension == dimension);
}
