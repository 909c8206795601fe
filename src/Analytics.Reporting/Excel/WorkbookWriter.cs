using Analytics.Reporting.Exports;
using ClosedXML.Excel;

namespace Analytics.Reporting.Excel;

/// <summary>
/// Writes an export as a formatted workbook: each sheet a title, a subtitle and its tables as Excel tables with header
/// rows, frozen below the first header, with explicit column widths and number formats; then native charts drawn from
/// the tables (<see cref="NativeCharts"/>). Every text is written as a text cell, so a title such as "=HYPERLINK(...)"
/// stays text and never runs.
/// </summary>
public static class WorkbookWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int FirstTableRow = 4;

    /// <summary>The workbook as a file's bytes: it is small, since it holds aggregates.</summary>
    public static byte[] Bytes(ExportDocument document)
    {
        using var buffer = new MemoryStream();
        var charts = new List<ChartPlacement>();
        using (var workbook = new XLWorkbook())
        {
            foreach (var sheet in document.Sheets)
                charts.AddRange(WriteSheet(workbook.Worksheets.Add(sheet.Name), sheet));
            Describe(workbook.Properties, document.Properties);
            workbook.SaveAs(buffer);
        }
        if (charts.Count > 0) NativeCharts.Add(buffer, charts);
        return buffer.ToArray();
    }

    private static void Describe(XLWorkbookProperties properties, ExportProperties described)
    {
        properties.Title = described.Title;
        properties.Subject = described.Subject;
        properties.Keywords = described.Keywords;
        properties.Comments = described.Comments;
        properties.Author = "OTG Analytics";
        properties.Company = "One Team Gov Västsverige";
        properties.Created = Core.Events.Quarter.ToStockholm(described.CreatedUtc);
        properties.Modified = properties.Created;
    }

    private static List<ChartPlacement> WriteSheet(IXLWorksheet worksheet, ExportSheet sheet)
    {
        worksheet.Cell(1, 1).SetValue(sheet.Title).Style.Font.SetBold().Font.SetFontSize(14);
        if (sheet.Subtitle is { } subtitle) worksheet.Cell(2, 1).SetValue(subtitle).Style.Font.SetItalic().Font.SetFontColor(XLColor.FromHtml("#505050"));

        var placed = new List<TablePlacement>();
        var row = FirstTableRow;
        int? freezeBelow = null;
        foreach (var table in sheet.Tables)
        {
            var top = row;
            if (table.Caption is { } caption)
            {
                worksheet.Cell(row, 1).SetValue(caption).Style.Font.SetBold().Font.SetFontSize(12);
                row++;
            }
            var rows = table.Rows.ToList();
            var header = row;
            if (rows.Count > 0)
            {
                WriteTable(worksheet, table, rows, header);
                freezeBelow ??= header;
                row = header + rows.Count + 1;
            }
            foreach (var note in table.Notes)
            {
                worksheet.Cell(row, 1).SetValue(note).Style.Font.SetItalic();
                row++;
            }
            placed.Add(new TablePlacement(table, rows, top, header));
            row++;
        }

        for (var c = 0; c < sheet.Tables.Max(t => t.Columns.Count); c++)
            worksheet.Column(c + 1).Width = sheet.Tables.Where(t => t.Columns.Count > c).Max(t => t.Columns[c].Width);
        if (freezeBelow is { } frozen) worksheet.SheetView.FreezeRows(frozen);
        worksheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        worksheet.PageSetup.FitToPages(1, 0);

        return [.. sheet.Charts.Select(chart => ChartPlacement.Of(sheet.Name, chart, placed))];
    }

    /// <summary>The header row and the rows below it, made an Excel table.</summary>
    private static void WriteTable(IXLWorksheet worksheet, ExportTable table, List<IReadOnlyList<ExportCell>> rows, int header)
    {
        // A column of counts, shares and indices reads right-aligned, its header, dashes and "<k" included.
        var numeric = table.Columns.Select((column, c) => !column.Wrap && rows.Any(r => r[c].Format is not CellFormat.Text and not CellFormat.DateTime))
            .ToList();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var cell = worksheet.Cell(header, c + 1).SetValue(table.Columns[c].Header);
            cell.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            if (numeric[c]) cell.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
        }
        FitHeight(worksheet.Row(header), table.Columns.Select(c => ((string?)c.Header, c.Width)));
        // Styles are set per column, once, and a cell's number format only where it differs from its column's: in
        // ClosedXML every style change on a cell looks its style up again, which was most of the time spent on a
        // quarterly pack's table of 1,700 events.
        var formats = new string?[table.Columns.Count];
        for (var c = 0; c < table.Columns.Count && rows.Count > 0; c++)
        {
            var style = worksheet.Range(header + 1, c + 1, header + rows.Count, c + 1).Style;
            // Rows grow for wrapped text, and a row reads from its top; anything but a count reads from the left.
            style.Alignment.SetVertical(XLAlignmentVerticalValues.Top)
                .Alignment.SetHorizontal(numeric[c] ? XLAlignmentHorizontalValues.Right : XLAlignmentHorizontalValues.Left);
            if (table.Columns[c].Wrap) style.Alignment.SetWrapText();
            formats[c] = rows.Select(r => NumberFormat(r[c])).FirstOrDefault(f => f is not null);
            if (formats[c] is { } format) style.NumberFormat.Format = format;
        }
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
                WriteCell(worksheet.Cell(header + 1 + r, c + 1), rows[r][c], formats[c]);
            FitHeight(worksheet.Row(header + 1 + r), table.Columns.Select((c, i) => (c.Wrap ? rows[r][i].Text : null, c.Width)));
        }
        var excelTable = worksheet.Range(header, 1, header + rows.Count, table.Columns.Count).CreateTable(table.Name);
        excelTable.Theme = XLTableTheme.TableStyleLight9;
        excelTable.ShowAutoFilter = rows.Count > 1;
    }

    /// <summary>
    /// Sets a row tall enough for its wrapped texts. Excel does not grow a row for wrapped text in a file it opens, and
    /// measuring text needs libgdiplus; about 1.15 characters per unit of column width is near enough for these fonts.
    /// </summary>
    private static void FitHeight(IXLRow row, IEnumerable<(string? Text, double Width)> cells)
    {
        var lines = cells.Where(c => c.Text is not null).Select(c => (int)Math.Ceiling(c.Text!.Length / Math.Max(1, (c.Width - 1) * 1.15)))
            .DefaultIfEmpty(1).Max();
        if (lines > 1) row.Height = 15 * lines;
    }

    /// <summary>The value, and its number format where the column's (<paramref name="columnFormat"/>) is not the one it needs.</summary>
    private static void WriteCell(IXLCell cell, ExportCell value, string? columnFormat)
    {
        if (value.Number is not { } number)
        {
            // SetValue(string) stores text as it is: "=1+1" or "123" is never turned into a formula or a number.
            if (value.Text is { } text) cell.SetValue(text);
            return;
        }
        if (value.Format == CellFormat.DateTime) cell.SetValue(value.AsDateTime());
        else cell.SetValue(number);
        if (NumberFormat(value) is { } format && format != columnFormat) cell.Style.NumberFormat.Format = format;
    }

    /// <summary>How Excel shows a number of this kind; null for text.</summary>
    private static string? NumberFormat(ExportCell value) => value.Number is null ? null : value.Format switch
    {
        CellFormat.DateTime => "yyyy-mm-dd hh:mm",
        CellFormat.Share => "0.0%",
        CellFormat.Decimal => "0.00#",
        CellFormat.Persons => "#,##0",
        _ => "0",
    };
}

/// <summary>Where a table landed on its sheet: the row of its caption (or header) and the row of its header.</summary>
internal sealed record TablePlacement(ExportTable Table, IReadOnlyList<IReadOnlyList<ExportCell>> Rows, int Top, int Header);
