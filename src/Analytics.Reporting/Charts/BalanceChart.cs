using System.Globalization;
using Analytics.Core.Disclosure;
using ScottPlot;

namespace Analytics.Reporting.Charts;

/// <summary>The words a balance chart draws, in the reader's language: legend names and the suppressed count ("&lt;5").</summary>
public sealed record BalanceChartText(string Share, string Interval, string Target, string Suppressed);

/// <summary>
/// One dimension against its target mix: each category's share as a bar with its Wilson 95 % interval as a whisker, and
/// its target as a diamond. Beside each row the share and the target are written out, so no mark relies on colour or
/// shape alone; a suppressed category shows its target and "&lt;k".
/// </summary>
public static class BalanceChart
{
    /// <summary>Null when the balance shows no shares (withheld, or too few people for shares).</summary>
    public static Chart? Of(ProtectedBalance balance, string title, BalanceChartText text, CultureInfo culture,
        CategoryName? name = null, int width = 640)
    {
        if (balance.Withheld || !balance.Cells.Any(c => c.Share is not null)) return null;
        var plot = ChartStyle.NewPlot();
        var rows = balance.Cells.Count;
        var summary = new List<string>();
        var intervalNamed = false;
        plot.Add.Bars(balance.Cells.Select((cell, i) => (cell.Share, Y: (double)(rows - 1 - i))).Where(c => c.Share is not null)
            .Select(c => new Bar { Position = c.Y, Value = c.Share!.Value, Size = 0.6, FillColor = ChartStyle.Blue, LineWidth = 0, Orientation = Orientation.Horizontal })
            .ToList()).LegendText = text.Share;

        for (var i = 0; i < rows; i++)
        {
            var cell = balance.Cells[i];
            double y = rows - 1 - i;
            var label = name?.Invoke(cell.Code, cell.Label) ?? cell.Label;
            var target = cell.Target.ToString("P0", culture);
            string shown;
            if (cell.Share is { } share)
            {
                if (cell is { Low: { } low, High: { } high })
                {
                    var whisker = plot.Add.Line(low, y, high, y);
                    whisker.Color = ChartStyle.Ink;
                    whisker.LineWidth = 2;
                    whisker.MarkerShape = MarkerShape.VerticalBar;
                    whisker.MarkerSize = 9;
                    whisker.MarkerColor = ChartStyle.Ink;
                    if (!intervalNamed) { whisker.LegendText = text.Interval; intervalNamed = true; }
                }
                shown = share.ToString("P0", culture);
            }
            else shown = cell.Suppressed ? text.Suppressed : "–";

            var mark = plot.Add.Marker(cell.Target, y, MarkerShape.FilledDiamond, 11, ChartStyle.Vermillion);
            if (i == 0) mark.LegendText = text.Target;

            var note = plot.Add.Text($"{shown} · {text.Target.ToLower(culture)} {target}", Math.Max(cell.High ?? cell.Share ?? 0, cell.Target), y);
            note.LabelFontName = ChartStyle.FontName;
            note.LabelFontSize = 11;
            note.LabelFontColor = ChartStyle.Ink;
            note.LabelAlignment = Alignment.MiddleLeft;
            note.OffsetX = 8;
            summary.Add($"{label}: {shown} ({text.Target.ToLower(culture)} {target})");
        }

        plot.Axes.Left.SetTicks([.. balance.Cells.Select((_, i) => (double)(rows - 1 - i))],
            [.. balance.Cells.Select(c => name?.Invoke(c.Code, c.Label) ?? c.Label)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = text.Share;
        ChartStyle.FormatTicks(plot.Axes.Bottom, "P0", culture);
        plot.Axes.Margins(left: 0, right: 0.45, bottom: 0.04, top: 0.04);
        plot.ShowLegend(Edge.Bottom);
        return new Chart(plot, width, Math.Max(220, 110 + 36 * rows), title, string.Join("; ", summary));
    }
}
