using System.Globalization;
using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Reporting.Snapshots;
using ScottPlot;

namespace Analytics.Reporting.Charts;

/// <summary>One line of a trend: its name ("Anmälda") and the figure it reads from each quarter's protected report.</summary>
public sealed record TrendLine(string Name, Func<ProtectedReport, double?> Value);

/// <summary>
/// Key figures quarter over quarter: one line per figure, each with its own colour and marker shape, named in the legend
/// and with every point's value written beside it. A quarter where a figure is withheld has no point.
/// </summary>
public static class TrendChart
{
    public static Chart Of(IReadOnlyList<QuarterReport> trend, IReadOnlyList<TrendLine> lines, string title, string format,
        CultureInfo culture, Func<Quarter, string> quarterLabel, int width = 640)
    {
        var plot = ChartStyle.NewPlot();
        var summary = new List<string>();
        var top = 0.0;
        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            var values = trend.Select(q => line.Value(q.Report)).ToList();
            var points = values.Select((v, i) => (X: (double)i, Y: v)).Where(p => p.Y is not null).ToList();
            var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray(), ChartStyle.Series[l]);
            scatter.LineWidth = 2;
            scatter.MarkerShape = ChartStyle.Markers[l];
            scatter.MarkerSize = 9;
            if (lines.Count > 1) scatter.LegendText = line.Name;
            foreach (var (x, y) in points)
            {
                var label = plot.Add.Text(y!.Value.ToString(format, culture), x, y.Value);
                label.LabelFontName = ChartStyle.FontName;
                label.LabelFontSize = 11;
                label.LabelFontColor = ChartStyle.Ink;
                // The first line's values sit above its points, the second's below, so two lines never write over each other.
                label.LabelAlignment = l % 2 == 0 ? Alignment.LowerCenter : Alignment.UpperCenter;
                label.OffsetY = l % 2 == 0 ? -8 : 8;
            }
            top = Math.Max(top, points.Select(p => p.Y!.Value).DefaultIfEmpty(0).Max());
            summary.Add($"{line.Name}: " + string.Join(", ", trend.Zip(values, (q, v) => $"{quarterLabel(q.Quarter)} {v?.ToString(format, culture) ?? "–"}")));
        }

        plot.Axes.Bottom.SetTicks([.. trend.Select((_, i) => (double)i)], [.. trend.Select(q => quarterLabel(q.Quarter))]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = format == "N0",
            // The space below zero only makes room for the second line's values; it has no ticks of its own.
            LabelFormatter = value => value < 0 ? "" : value.ToString(format, culture),
        };
        // Quarter-over-quarter change reads truthfully only against zero.
        var headroom = top <= 0 ? 1 : top * 1.25;
        plot.Axes.SetLimitsY(lines.Count > 1 ? -headroom * 0.1 : 0, headroom);
        plot.Axes.SetLimitsX(-0.5, Math.Max(trend.Count - 0.5, 0.5));
        if (lines.Count > 1) plot.ShowLegend(Edge.Bottom);
        return new Chart(plot, width, 300, title, string.Join(". ", summary));
    }
}
