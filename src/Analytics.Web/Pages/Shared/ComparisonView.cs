using Analytics.Core.Disclosure;

namespace Analytics.Web.Pages.Shared;

/// <summary>One side of a comparison: its name ("Talare") and its protected breakdown of the dimension, if it has one.</summary>
public sealed record ComparedSide(string Name, ProtectedBreakdown? Breakdown)
{
    public bool Shown => Breakdown is { Withheld: false, Cells.Count: > 0 };
}

/// <summary>Two groups' breakdowns of one dimension side by side (speakers and audience, registered and attended).</summary>
public sealed record ComparisonView(string Id, string Dimension, string Title, ComparedSide First, ComparedSide Second, ProtectedReport Report,
    ChartView? Chart = null)
{
    /// <summary>Every category of either side, in the first side's order.</summary>
    public IReadOnlyList<(string Code, string Label)> Categories =>
    [
        .. (First.Breakdown?.Cells ?? []).Concat(Second.Breakdown?.Cells ?? []).DistinctBy(c => c.Code).Select(c => (c.Code, c.Label)),
    ];
}
