using Analytics.Core.Localisation;
using Analytics.Core.Reports;

namespace Analytics.Core.Disclosure;

/// <summary>
/// Rule 6: a filtered view (a period, a host) of a parent population. Shown beside the parent, the view and the parent
/// minus the view are both published, so each must hold at least k people or none: otherwise subtracting one table from
/// the other singles out the few left over.
/// </summary>
public static class FilteredView
{
    /// <summary>Null when the view may be shown; otherwise one sentence saying why it is not.</summary>
    public static string? Refusal(ReportFigures view, ReportFigures parent, int k)
    {
        var pairs = new List<(int View, int Parent)>
        {
            (view.Registered, parent.Registered), (view.Counted, parent.Counted), (view.WithProfile, parent.WithProfile),
        };
        if (view.Attended is { } attended && parent.Attended is { } all) pairs.Add((attended, all));

        foreach (var (part, whole) in pairs)
        {
            if (IsSmall(part, k))
                return CoreMessages.Say("Urvalet visas inte: det omfattar färre än {0} personer.", k);
            if (IsSmall(whole - part, k))
                return CoreMessages.Say("Urvalet visas inte: det skiljer sig från helheten med färre än {0} personer, som annars skulle kunna räknas fram.", k);
        }
        return null;
    }

    private static bool IsSmall(int count, int k) => count > 0 && count < k;
}
