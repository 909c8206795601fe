using Analytics.Core.Reports;

namespace Analytics.Core.Disclosure;

/// <summary>
/// Raw figures with the count and persons of every tally perturbed by its cell key (<see cref="CellKey"/>), for public
/// outputs, and the headcounts perturbed by theirs. Totals and shares then follow from the perturbed counts, and the
/// threshold and suppression apply to them. Returning attendees in reach carry no key and pass the threshold only.
/// </summary>
internal static class PerturbedFigures
{
    public static ReportFigures Of(ReportFigures figures, Func<Breakdown, IReadOnlyList<Tally>> rolledUp)
    {
        var breakdowns = figures.Breakdowns.Select(b => Perturb(b, rolledUp)).ToList();
        // Snapshots from before headcount keys existed get key 0 (no noise) until the nightly recompute gives them keys.
        var keys = figures.HeadcountKeys ?? new HeadcountKeys(0, 0, 0);
        return figures with
        {
            Registered = CellKey.Perturb(figures.Registered, keys.Registered),
            Attended = figures.Attended is { } attended ? CellKey.Perturb(attended, keys.Attended) : null,
            WithProfile = CellKey.Perturb(figures.WithProfile, keys.WithProfile),
            Breakdowns = breakdowns,
            // The speakers', audience's and registered's headcounts have no cell keys, so public outputs leave the splits out
            // rather than publish counts that pass the threshold only.
            Subsets = [],
            Balance = [.. figures.Balance.Select(b => Perturb(b, breakdowns.FirstOrDefault(p => p.Dimension == b.Dimension)))],
        };
    }

    // Small organisations roll up by their true persons before the noise, so the merged cell gets the noise of its own key
    // once. Without a group afterwards, a named organisation whose perturbed persons fall below k is suppressed by the
    // threshold rather than rolled up a second time.
    private static Breakdown Perturb(Breakdown breakdown, Func<Breakdown, IReadOnlyList<Tally>> rolledUp) =>
        breakdown with
        {
            Tallies = [.. rolledUp(breakdown).Select(t => t with
            {
                Count = CellKey.Perturb(t.Count, t.KeySum), Persons = CellKey.Perturb(t.Persons, t.KeySum), Group = null, GroupLabel = null,
            })],
        };

    private static BalanceFigures Perturb(BalanceFigures balance, Breakdown? breakdown)
    {
        var counts = breakdown?.Tallies.ToDictionary(t => t.Code, t => t.Count) ?? [];
        return balance with
        {
            Total = breakdown?.Total ?? 0,
            Categories = [.. balance.Categories.Select(c => c with { Count = counts.GetValueOrDefault(c.Code) })],
        };
    }
}
