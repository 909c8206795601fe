using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Ingest.Text;

/// <summary>
/// The first worksheet of an .xlsx file, read with the OpenXML SDK's forward-only reader so memory stays flat, and
/// without ClosedXML, which needs a native graphics library to open files that contain pictures.
/// </summary>
public sealed class XlsxTable : ITable
{
    private readonly SpreadsheetDocument _document;
    private readonly string[] _sharedStrings;
    private readonly IEnumerator<TableRow> _rows;

    public XlsxTable(Stream stream)
    {
        _document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = _document.WorkbookPart ?? throw new InvalidDataException("Filen saknar arbetsbok.");
        _sharedStrings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>()
            .Select(item => item.InnerText).ToArray() ?? [];
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new InvalidDataException("Arbetsboken har inget kalkylblad.");
        var part = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
        _rows = ReadRows(part).GetEnumerator();
        Header = _rows.MoveNext() ? _rows.Current.Cells.Select(c => c.Trim()).ToArray() : [];
    }

    public IReadOnlyList<string> Header { get; }

    public IEnumerable<TableRow> Rows()
    {
        while (_rows.MoveNext())
            if (!_rows.Current.Cells.All(string.IsNullOrWhiteSpace))
                yield return _rows.Current;
    }

    private IEnumerable<TableRow> ReadRows(WorksheetPart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int)(row.RowIndex?.Value ?? 0);
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column) cells.Add("");
                cells.Add(Text(cell));
            }
            yield return new TableRow(number, [.. cells]);
        }
    }

    private string Text(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.SharedString
            && int.TryParse(cell.CellValue?.Text, out var index) && index < _sharedStrings.Length)
            return _sharedStrings[index];
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        return cell.CellValue?.Text ?? "";
    }

    /// <summary>"C7" → 2.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    public void Dispose()
    {
        _rows.Dispose();
        _document.Dispose();
    }
}
