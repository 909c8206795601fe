using System.Globalization;
using Analytics.Reporting.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using S = DocumentFormat.OpenXml.Spreadsheet;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Analytics.Reporting.Excel;

/// <summary>
/// Adds native Excel charts to a workbook ClosedXML has saved, through the OpenXML SDK ClosedXML itself uses: a drawing
/// part per sheet, a chart part per chart. ClosedXML 0.95.4 writes no charts, and its pictures need libgdiplus; native
/// charts need neither, and the steering group can restyle them. Series refer to the table cells, with their values
/// cached so the chart draws before anything is recalculated. Lines differ by dash and marker, never by colour alone.
/// </summary>
internal static class NativeCharts
{
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static readonly string[] Colours = ["1F5F8B", "C0504D", "4F7F3A"];
    private static readonly A.PresetLineDashValues[] Dashes = [A.PresetLineDashValues.Solid, A.PresetLineDashValues.Dash, A.PresetLineDashValues.SystemDot];
    private static readonly C.MarkerStyleValues[] Markers = [C.MarkerStyleValues.Circle, C.MarkerStyleValues.Square, C.MarkerStyleValues.Triangle];

    public static void Add(Stream package, IReadOnlyList<ChartPlacement> charts)
    {
        using var document = SpreadsheetDocument.Open(package, isEditable: true);
        var workbook = document.WorkbookPart!;
        foreach (var sheetCharts in charts.GroupBy(c => c.Sheet))
        {
            var sheet = workbook.Workbook.Sheets!.Elements<S.Sheet>().Single(s => s.Name == sheetCharts.Key);
            var worksheetPart = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var drawings = worksheetPart.AddNewPart<DrawingsPart>();
            drawings.WorksheetDrawing = new Xdr.WorksheetDrawing();
            uint shapeId = 1;
            foreach (var chart in sheetCharts)
            {
                var chartPart = drawings.AddNewPart<ChartPart>();
                chartPart.ChartSpace = ChartSpace(chart);
                drawings.WorksheetDrawing.Append(Anchor(chart, drawings.GetIdOfPart(chartPart), ++shapeId));
            }
            drawings.WorksheetDrawing.Save();
            InsertDrawing(worksheetPart.Worksheet, new S.Drawing { Id = worksheetPart.GetIdOfPart(drawings) });
            worksheetPart.Worksheet.Save();
        }
    }

    /// <summary>The drawing reference goes where the schema wants it: after the page set-up, before the table parts.</summary>
    private static void InsertDrawing(S.Worksheet worksheet, S.Drawing drawing)
    {
        var next = worksheet.ChildElements.FirstOrDefault(e => e is S.LegacyDrawing or S.LegacyDrawingHeaderFooter or S.DrawingHeaderFooter
            or S.Picture or S.OleObjects or S.Controls or S.WebPublishItems or S.TableParts or S.WorksheetExtensionList);
        if (next is null) worksheet.Append(drawing);
        else worksheet.InsertBefore(drawing, next);
    }

    private static Xdr.TwoCellAnchor Anchor(ChartPlacement chart, string chartId, uint shapeId) =>
        new(
            new Xdr.FromMarker(new Xdr.ColumnId(Text(chart.FromColumn)), new Xdr.ColumnOffset("0"), new Xdr.RowId(Text(chart.FromRow)), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId(Text(chart.ToColumn)), new Xdr.ColumnOffset("0"), new Xdr.RowId(Text(chart.ToRow)), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = shapeId, Name = chart.Chart.Title, Description = chart.Chart.AltText },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId }) { Uri = ChartUri }))
            { Macro = "" },
            new Xdr.ClientData())
        { EditAs = Xdr.EditAsValues.OneCell };

    private static C.ChartSpace ChartSpace(ChartPlacement chart)
    {
        var body = new C.Chart(
            Title(chart.Chart.Title),
            new C.AutoTitleDeleted { Val = false },
            new C.PlotArea(new C.Layout(), chart.Chart.Kind == ChartKind.Bar ? Bars(chart) : Lines(chart), CategoryAxis(chart), ValueAxis(chart)));
        if (chart.Series.Count > 1) body.Append(new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }));
        body.Append(new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        var space = new C.ChartSpace(new C.Date1904 { Val = false }, new C.RoundedCorners { Val = false }, body);
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return space;
    }

    private static C.BarChart Bars(ChartPlacement chart)
    {
        var bars = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        foreach (var (series, i) in chart.Series.Select((s, i) => (s, i)))
            bars.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)i }, new C.Order { Val = (uint)i }, SeriesText(series),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = Colours[i % Colours.Length] })),
                new C.InvertIfNegative { Val = false },
                new C.DataLabels(new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false },
                    new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false }),
                Categories(chart), Values(series)));
        bars.Append(new C.GapWidth { Val = 60 }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        return bars;
    }

    private static C.LineChart Lines(ChartPlacement chart)
    {
        var lines = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        foreach (var (series, i) in chart.Series.Select((s, i) => (s, i)))
        {
            var colour = Colours[i % Colours.Length];
            lines.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)i }, new C.Order { Val = (uint)i }, SeriesText(series),
                new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = colour }),
                    new A.PresetDash { Val = Dashes[i % Dashes.Length] }) { Width = 28575 }),
                new C.Marker(new C.Symbol { Val = Markers[i % Markers.Length] }, new C.Size { Val = 7 },
                    new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = colour }))),
                Categories(chart), Values(series), new C.Smooth { Val = false }));
        }
        lines.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        return lines;
    }

    private static C.CategoryAxis CategoryAxis(ChartPlacement chart) =>
        new(
            new C.AxisId { Val = 1 },
            // Bars read top-down in the table's order, largest first.
            new C.Scaling(new C.Orientation { Val = chart.Chart.Kind == ChartKind.Bar ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = chart.Chart.Kind == ChartKind.Bar ? C.AxisPositionValues.Left : C.AxisPositionValues.Bottom },
            new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
            new C.MajorTickMark { Val = C.TickMarkValues.None },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 2 },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 },
            new C.NoMultiLevelLabels { Val = false });

    private static C.ValueAxis ValueAxis(ChartPlacement chart) =>
        new(
            new C.AxisId { Val = 2 },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MinAxisValue { Val = 0 }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = chart.Chart.Kind == ChartKind.Bar ? C.AxisPositionValues.Bottom : C.AxisPositionValues.Left },
            new C.MajorGridlines(),
            new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 1 },
            // With the categories reversed, crossing at their maximum keeps the value axis at the bottom.
            new C.Crosses { Val = chart.Chart.Kind == ChartKind.Bar ? C.CrossesValues.Maximum : C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between });

    private static C.Title Title(string text) =>
        new(
            new C.ChartText(new C.RichText(
                new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(
                    new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1200, Bold = true }),
                    new A.Run(new A.RunProperties { FontSize = 1200, Bold = true }, new A.Text(text))))),
            new C.Overlay { Val = false });

    private static C.SeriesText SeriesText(ChartSeries series) =>
        new(new C.StringReference(new C.Formula(series.NameCell),
            new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(series.Name)) { Index = 0 })));

    private static C.CategoryAxisData Categories(ChartPlacement chart)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)chart.Categories.Count });
        foreach (var (label, i) in chart.Categories.Select((l, i) => (l, i)))
            cache.Append(new C.StringPoint(new C.NumericValue(label)) { Index = (uint)i });
        return new C.CategoryAxisData(new C.StringReference(new C.Formula(chart.CategoryRange), cache));
    }

    private static C.Values Values(ChartSeries series)
    {
        var cache = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)series.Values.Count });
        foreach (var (value, i) in series.Values.Select((v, i) => (v, i)))
            if (value is { } v) cache.Append(new C.NumericPoint(new C.NumericValue(v.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        return new C.Values(new C.NumberReference(new C.Formula(series.ValueRange), cache));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
