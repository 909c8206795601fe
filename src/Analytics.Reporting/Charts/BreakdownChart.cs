using System.Globalization;
using Analytics.Core.Disclosure;
using ScottPlot;

namespace Analytics.Reporting.Charts;

/// <summary>
/// A horizontal bar chart of a protected breakdown. Suppressed cells are left out of the bars; the table beside every
/// chart shows them as "&lt;k". Each bar carries its category's name and its count, so nothing rests on colour.
/// </summary>
public static class BreakdownChart
{
    public static Chart Of(ProtectedBreakdown breakdown, string title, string axisLabel, CultureInfo culture,
        CategoryName? name = null, int width = 640)
    {
        var ordered = breakdown.Cells.Where(c => !c.Suppressed && c.Count is not null)
            .Select(c => (Name: name?.Invoke(c.Code, c.Label) ?? c.Label, Count: c.Count!.Value)).ToList();
        // Bars are drawn bottom-up, so the largest, listed first, goes on top.
        var shown = ordered.AsEnumerable().Reverse().ToList();
        var plot = ChartStyle.NewPlot();

        var series = plot.Add.Bars(shown.Select((cell, i) => new Bar
        {
            Position = i,
            Value = cell.Count,
            FillColor = ChartStyle.Blue,
            LineWidth = 0,
            Label = cell.Count.ToString("N0", culture),
            Orientation = Orientation.Horizontal,
        }).ToList());
        series.ValueLabelStyle.FontName = ChartStyle.FontName;
        series.ValueLabelStyle.FontSize = 12;
        series.ValueLabelStyle.ForeColor = ChartStyle.Ink;
        plot.Axes.Left.SetTicks([.. shown.Select((_, i) => (double)i)], [.. shown.Select(c => c.Name)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = axisLabel;
        ChartStyle.FormatTicks(plot.Axes.Bottom, "N0", culture, integersOnly: true);
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.02, top: 0.02);

        var description = string.Join("; ", ordered.Select(c => $"{c.Name}: {c.Count.ToString("N0", culture)}"));
        return new Chart(plot, width, Math.Max(200, 70 + 34 * shown.Count), title, description);
    }

    /// <summary>The chart as inline SVG with Swedish labels, for callers that show one breakdown on a page.</summary>
    public static string Svg(ProtectedBreakdown breakdown, string axisLabel = "Antal personer", int width = 640) =>
        Of(breakdown, axisLabel, axisLabel, CultureInfo.GetCultureInfo("sv-SE"), width: width).Svg("breakdown-chart");
}
