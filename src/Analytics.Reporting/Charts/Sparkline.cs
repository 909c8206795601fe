using System.Globalization;
using Analytics.Core.Events;
using Analytics.Reporting.Snapshots;
using ScottPlot;

namespace Analytics.Reporting.Charts;

/// <summary>
/// A word-sized trend of one key figure over the last quarters, without axes: the latest point is marked. Its
/// accessible description lists every quarter's value, and the figure beside it says the change in words.
/// </summary>
public static class Sparkline
{
    public static Chart Of(IReadOnlyList<QuarterReport> trend, TrendLine line, string title, string format, CultureInfo culture,
        Func<Quarter, string> quarterLabel, int width = 140, int height = 40)
    {
        var plot = ChartStyle.NewPlot();
        var values = trend.Select(q => line.Value(q.Report)).ToList();
        var points = values.Select((v, i) => (X: (double)i, Y: v)).Where(p => p.Y is not null).ToList();
        var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray(), ChartStyle.Blue);
        scatter.LineWidth = 2;
        scatter.MarkerSize = 0;
        if (points.Count > 0) plot.Add.Marker(points[^1].X, points[^1].Y!.Value, MarkerShape.FilledCircle, 7, ChartStyle.Blue);
        plot.Axes.Frameless();
        plot.HideGrid();
        // It sits on the key figure's panel, whatever colour that is.
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        plot.Axes.SetLimitsY(0, Math.Max(points.Select(p => p.Y!.Value).DefaultIfEmpty(0).Max() * 1.15, 1e-9));
        plot.Axes.SetLimitsX(-0.3, Math.Max(trend.Count - 0.7, 0.3));
        var description = string.Join(", ", trend.Zip(values, (q, v) => $"{quarterLabel(q.Quarter)} {v?.ToString(format, culture) ?? "–"}"));
        return new Chart(plot, width, height, title, description);
    }
}
