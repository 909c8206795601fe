using System.Globalization;
using Analytics.Core.Disclosure;
using ScottPlot;

namespace Analytics.Reporting.Charts;

/// <summary>
/// A horizontal bar chart of a protected breakdown, as inline SVG. Suppressed cells are left out of the bars; the table
/// beside every chart shows them as "&lt;k". Categories are told apart by their labels, never by colour alone.
/// </summary>
public static class BreakdownChart
{
    private const string FontName = "DejaVu Sans";
    private static readonly Lock FontLock = new();
    private static bool _fontRegistered;

    public static string Svg(ProtectedBreakdown breakdown, string axisLabel = "Antal personer", int width = 640)
    {
        EnsureFont();
        var shown = breakdown.Cells.Where(c => !c.Suppressed && c.Count is not null).Reverse().ToList();
        var plot = new Plot();
        plot.Font.Set(FontName);

        var bars = shown.Select((cell, i) => new Bar
        {
            Position = i,
            Value = cell.Count!.Value,
            FillColor = new Color(0x1f, 0x5f, 0x8b),
            Label = cell.Count!.Value.ToString(CultureInfo.InvariantCulture),
            Orientation = Orientation.Horizontal,
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontName = FontName;
        series.ValueLabelStyle.FontSize = 11;
        plot.Axes.Left.SetTicks(shown.Select((_, i) => (double)i).ToArray(), shown.Select(c => c.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontName = FontName;
        plot.Axes.Bottom.TickLabelStyle.FontName = FontName;
        plot.Axes.Bottom.Label.Text = axisLabel;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.02, top: 0.02);
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        return plot.GetSvgXml(width, Math.Max(200, 70 + 34 * shown.Count));
    }

    /// <summary>The default font resolves to whatever the machine has, or to nothing; the bundled one renders everywhere.</summary>
    private static void EnsureFont()
    {
        lock (FontLock)
        {
            if (_fontRegistered) return;
            Fonts.AddFontFile(FontName, Path.Combine(AppContext.BaseDirectory, "fonts", "DejaVuSans.ttf"));
            Fonts.Default = FontName;
            _fontRegistered = true;
        }
    }
}
