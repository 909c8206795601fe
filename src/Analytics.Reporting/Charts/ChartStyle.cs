using System.Globalization;
using ScottPlot;

namespace Analytics.Reporting.Charts;

/// <summary>
/// The one look of every chart: the bundled font, so text renders on a machine without fonts, and the Okabe-Ito
/// palette, which stays distinguishable with every common form of colour blindness. Colour only ever repeats what a
/// label, a marker shape or the table beside the chart already says.
/// </summary>
public static class ChartStyle
{
    public const string FontName = "DejaVu Sans";

    // Okabe & Ito (2008), "Color Universal Design". All but reddish purple have at least 3:1 contrast on white; like every
    // colour here, it only ever repeats what a label already says.
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color BluishGreen = Color.FromHex("#009E73");
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");
    public static readonly Color Ink = Color.FromHex("#1B1F23");

    /// <summary>Series colours in order, each paired with its own marker shape in <see cref="Markers"/>.</summary>
    public static readonly IReadOnlyList<Color> Series = [Blue, Vermillion, BluishGreen, Ink];

    public static readonly IReadOnlyList<MarkerShape> Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    private static readonly Lock FontLock = new();
    private static bool _fontRegistered;

    /// <summary>A new plot in the bundled font with a faint grid.</summary>
    public static Plot NewPlot()
    {
        EnsureFont();
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        plot.Axes.Color(Ink);
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        return plot;
    }

    /// <summary>Numeric tick labels in the reader's culture (1 464 or 1,464; 40 % or 40%).</summary>
    public static void FormatTicks(IAxis axis, string format, CultureInfo culture, bool integersOnly = false) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = integersOnly,
            LabelFormatter = value => value.ToString(format, culture),
        };

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
