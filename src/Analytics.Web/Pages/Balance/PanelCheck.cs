using Analytics.Core.Disclosure;
using Analytics.Core.Metrics;
using Analytics.Reporting.Charts;

namespace Analytics.Web.Pages.Balance;

/// <summary>One category of a dimension, before and after a planned panel joins the people already registered.</summary>
public sealed record PanelRow(string Code, string Name, double Target, int? Before, int Added, double? ShareBefore, double? ShareAfter,
    double? GapBefore, double? GapAfter)
{
    /// <summary>True when the registrations of the category are suppressed; its count stays "&lt;k" with the panel added.</summary>
    public bool Suppressed => Before is null;
}

/// <summary>One dimension of the panel check: its rows, the totals, and the dissimilarity D before and after.</summary>
public sealed record PanelBalance(string Dimension, int TotalBefore, int TotalAfter, IReadOnlyList<PanelRow> Rows, bool RegistrationsWithheld,
    double? DissimilarityBefore, double? DissimilarityAfter);

/// <summary>
/// The speaker panel checker: the protected registrations of a planned event plus the speakers an organiser has in
/// mind, against the target mix. It reads only protected counts, so a suppressed category stays "&lt;k" (with the panel
/// added beside it) and the shares and D that would need its count are not computed.
/// </summary>
public static class PanelCheck
{
    /// <param name="registered">The dimension's breakdown of the event's registrations; null or withheld counts as none shown.</param>
    /// <param name="targets">Target share by category code.</param>
    /// <param name="added">The panel's category codes in this dimension, one per speaker.</param>
    /// <param name="indicesShown">Whether gaps and D may be shown: at least the minimum for indices have a profile.</param>
    public static PanelBalance Of(string dimension, ProtectedBreakdown? registered, IReadOnlyDictionary<string, double> targets,
        IReadOnlyList<string> added, bool indicesShown, CategoryName name)
    {
        var withheld = registered is null || registered.Withheld;
        var cells = withheld ? [] : registered!.Cells.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var totalBefore = withheld ? 0 : registered!.Total ?? 0;
        var totalAfter = totalBefore + added.Count;
        // Gaps need enough people to mean anything; without registrations shown, the panel alone is compared.
        var gapsBefore = indicesShown && !withheld;
        var gapsAfter = gapsBefore || (withheld && added.Count > 0);

        var rows = targets.Keys.Union(cells.Keys).Union(added).Distinct(StringComparer.Ordinal).Select(code =>
        {
            var cell = cells.GetValueOrDefault(code);
            int? before = cell is null ? 0 : cell.Suppressed ? null : cell.Count;
            var plus = added.Count(a => a == code);
            var target = targets.GetValueOrDefault(code);
            double? shareBefore = before is { } b && totalBefore > 0 ? (double)b / totalBefore : null;
            double? shareAfter = before is { } c && totalAfter > 0 ? (double)(c + plus) / totalAfter : null;
            return new PanelRow(code, name(code, cell?.Label ?? code), target, before, plus, shareBefore, shareAfter,
                gapsBefore && shareBefore is { } p ? TargetGap.Gap(p, target) : null,
                gapsAfter && shareAfter is { } q ? TargetGap.Gap(q, target) : null);
        }).OrderByDescending(r => r.Target).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();

        return new PanelBalance(dimension, totalBefore, totalAfter, rows, withheld,
            gapsBefore ? Dissimilarity(rows, r => r.ShareBefore) : null,
            gapsAfter ? Dissimilarity(rows, r => r.ShareAfter) : null);
    }

    /// <summary>D = ½ Σ |p − r|, or null when a suppressed category leaves a share unknown.</summary>
    private static double? Dissimilarity(IReadOnlyList<PanelRow> rows, Func<PanelRow, double?> share) =>
        rows.Count == 0 || rows.Any(r => share(r) is null)
            ? null
            : TargetGap.Dissimilarity(rows.ToDictionary(r => r.Code, r => share(r)!.Value), rows.ToDictionary(r => r.Code, r => r.Target));
}
