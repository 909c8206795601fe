using System.Globalization;
using Analytics.Core.Disclosure;
using ScottPlot;

namespace Analytics.Reporting.Charts;

/// <summary>One of two groups compared in a <see cref="ComparisonChart"/>: its name ("Talare") and its protected breakdown.</summary>
public sealed record ComparedGroup(string Name, ProtectedBreakdown Breakdown);

/// <summary>
/// Two groups' breakdowns of one dimension side by side as shares: speakers and audience, registered and attended.
/// Every bar is labelled with its group's name and share, so the groups are told apart by text as well as by colour;
/// a suppressed cell is a labelled empty bar ("Talare &lt;5"), deliberate rather than missing. A category neither group
/// shows a number for is left to the table beside the chart.
/// </summary>
public static class ComparisonChart
{
    public static Chart Of(ComparedGroup first, ComparedGroup second, string title, string axisLabel, string suppressed,
        CultureInfo culture, CategoryName? name = null, int width = 640)
    {
        var categories = first.Breakdown.Cells.Concat(second.Breakdown.Cells).Where(c => !c.Suppressed).DistinctBy(c => c.Code)
            .Select(c => (c.Code, Name: name?.Invoke(c.Code, c.Label) ?? c.Label)).ToList();
        var plot = ChartStyle.NewPlot();
        var groups = new[] { first, second };
        var summary = new List<string>();

        for (var g = 0; g < groups.Length; g++)
        {
            var group = groups[g];
            var cells = group.Breakdown.Cells.ToDictionary(c => c.Code);
            var values = categories.Select(c => cells.GetValueOrDefault(c.Code) is { } cell
                ? (Share: cell.Share ?? 0, Text: cell.Suppressed ? suppressed : (cell.Share ?? 0).ToString("P0", culture))
                : (Share: 0, Text: 0d.ToString("P0", culture))).ToList();
            var bars = values.Select((value, row) => new Bar
            {
                // Rows top-down in the first group's order; within a row the first group sits above the second.
                Position = Row(categories.Count, row) + (g == 0 ? 0.5 : -0.5),
                Value = value.Share,
                Size = 0.9,
                FillColor = ChartStyle.Series[g],
                LineWidth = 0,
                Label = $"{group.Name} {value.Text}",
                Orientation = Orientation.Horizontal,
            }).ToList();
            var series = plot.Add.Bars(bars);
            series.LegendText = group.Name;
            series.ValueLabelStyle.FontName = ChartStyle.FontName;
            series.ValueLabelStyle.FontSize = 11;
            series.ValueLabelStyle.ForeColor = ChartStyle.Ink;
            summary.Add($"{group.Name}: " + string.Join(", ", categories.Zip(values, (c, v) => $"{c.Name} {v.Text}")));
        }

        plot.Axes.Left.SetTicks([.. categories.Select((_, row) => Row(categories.Count, row))], [.. categories.Select(c => c.Name)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = axisLabel;
        ChartStyle.FormatTicks(plot.Axes.Bottom, "P0", culture);
        plot.Axes.Margins(left: 0, right: 0.35, bottom: 0.02, top: 0.02);
        plot.ShowLegend(Edge.Bottom);
        return new Chart(plot, width, Math.Max(220, 110 + 60 * categories.Count), title, string.Join(". ", summary));
    }

    private static double Row(int rows, int row) => (rows - 1 - row) * 3;
}
