using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Analytics.Testing;

/// <summary>
/// A produced .xlsx opened with the OpenXML SDK, independently of ClosedXML that wrote it: its sheets, cells (with their
/// number formats), tables and charts. This file stands alone so that other test projects can link it.
/// </summary>
public sealed class XlsxFile : IDisposable
{
    private readonly MemoryStream _stream;

    private XlsxFile(byte[] bytes)
    {
        _stream = new MemoryStream(bytes, writable: false);
        Document = SpreadsheetDocument.Open(_stream, isEditable: false);
    }

    public SpreadsheetDocument Document { get; }

    public static XlsxFile Open(byte[] bytes) => new(bytes);

    public IReadOnlyList<string> SheetNames => [.. Sheets().Select(s => s.Name!.Value!)];

    /// <summary>Every non-empty cell of a sheet, in row order.</summary>
    public IReadOnlyList<XlsxCell> Cells(string sheet)
    {
        var strings = Document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return [.. Part(sheet).Worksheet.Descendants<Cell>().Select(c => Read(c, strings)).Where(c => c.Text is not null || c.Number is not null)];
    }

    /// <summary>The text shown in a cell by reference ("B5"), or null.</summary>
    public XlsxCell? Cell(string sheet, string reference) => Cells(sheet).SingleOrDefault(c => c.Reference == reference);

    /// <summary>The row whose first cell holds the given text, as the values of its cells.</summary>
    public IReadOnlyList<XlsxCell> RowLabelled(string sheet, string label)
    {
        var cells = Cells(sheet);
        var row = cells.First(c => c.Column == 1 && c.Text == label).Row;
        return [.. cells.Where(c => c.Row == row)];
    }

    /// <summary>The sheet's Excel tables: name and range ("A5:C11").</summary>
    public IReadOnlyList<(string Name, string Range)> Tables(string sheet) =>
        [.. Part(sheet).TableDefinitionParts.Select(t => (t.Table.Name!.Value!, t.Table.Reference!.Value!))];

    /// <summary>The sheet's charts, as their chart parts.</summary>
    public IReadOnlyList<C.ChartSpace> Charts(string sheet) =>
        Part(sheet).DrawingsPart is { } drawings ? [.. drawings.ChartParts.Select(c => c.ChartSpace)] : [];

    /// <summary>The first row below the frozen pane, or null when nothing is frozen.</summary>
    public int? FrozenRows(string sheet) =>
        Part(sheet).Worksheet.Descendants<Pane>().FirstOrDefault() is { } pane ? (int?)pane.VerticalSplit?.Value : null;

    /// <summary>Each column's explicit width, by column number.</summary>
    public IReadOnlyDictionary<int, double> ColumnWidths(string sheet) =>
        Part(sheet).Worksheet.Descendants<Column>().Where(c => c.Width is not null)
            .SelectMany(c => Enumerable.Range((int)c.Min!.Value, (int)(c.Max!.Value - c.Min.Value + 1)).Select(i => (i, c.Width!.Value)))
            .ToDictionary(c => c.i, c => c.Value);

    public IReadOnlyList<ValidationErrorInfo> ValidationErrors() =>
        [.. new OpenXmlValidator(FileFormatVersions.Office2013).Validate(Document)];

    public void Dispose()
    {
        Document.Dispose();
        _stream.Dispose();
    }

    private IEnumerable<Sheet> Sheets() => Document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>();

    private WorksheetPart Part(string sheet) =>
        (WorksheetPart)Document.WorkbookPart!.GetPartById(Sheets().Single(s => s.Name == sheet).Id!);

    private XlsxCell Read(Cell cell, List<string> strings)
    {
        var reference = cell.CellReference!.Value!;
        var letters = new string([.. reference.TakeWhile(char.IsLetter)]);
        var column = letters.Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);
        var row = int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture);
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        string? text = null;
        double? number = null;
        if (type == CellValues.SharedString && raw is not null) text = strings[int.Parse(raw, CultureInfo.InvariantCulture)];
        else if (type == CellValues.InlineString) text = cell.InlineString?.InnerText;
        else if (type == CellValues.String) text = raw;
        else if (raw is not null && type is null or CellValues.Number) number = double.Parse(raw, CultureInfo.InvariantCulture);
        else text = raw;
        return new XlsxCell(reference, column, row, text, number, cell.CellFormula?.Text, NumberFormat(cell));
    }

    private string NumberFormat(Cell cell)
    {
        var stylesheet = Document.WorkbookPart!.WorkbookStylesPart?.Stylesheet;
        if (cell.StyleIndex is null || stylesheet?.CellFormats is null) return "General";
        var format = stylesheet.CellFormats.Elements<CellFormat>().ElementAt((int)cell.StyleIndex.Value);
        var id = format.NumberFormatId?.Value ?? 0;
        return stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id)?.FormatCode?.Value
            ?? (id == 0 ? "General" : $"builtin:{id}");
    }
}

/// <summary>One cell as a reader sees it: text or number, any formula, and its number format code.</summary>
public sealed record XlsxCell(string Reference, int Column, int Row, string? Text, double? Number, string? Formula, string Format)
{
    public bool IsShare => Format.Contains('%');
    public bool IsDecimal => Format.Contains('.');
}
