using System.Globalization;
using Analytics.Core.Disclosure;

namespace Analytics.Web.Pages.Shared;

/// <summary>One dimension against its target mix: shares with Wilson intervals, targets, gaps and ratios, and its chart.</summary>
public sealed record BalanceView(string Id, string Dimension, string Title, ProtectedBalance Balance, ProtectedReport Report,
    ChartView? Chart = null)
{
    /// <summary>A gap p − r in percentage points, signed (+5, −12).</summary>
    public static string Points(double gap)
    {
        var points = Math.Round(gap * 100);
        return points == 0 ? "±0" : (points > 0 ? "+" : "−") + Math.Abs(points).ToString("0", CultureInfo.CurrentCulture);
    }

    public static string Interval(double low, double high) =>
        $"{low.ToString("P0", CultureInfo.CurrentCulture)}–{high.ToString("P0", CultureInfo.CurrentCulture)}";
}
