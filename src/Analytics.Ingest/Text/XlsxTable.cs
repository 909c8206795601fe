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
    // Excel's own bounds (column XFD, row 1,048,576): a reference beyond them is a damaged file, and taken at its word
    // it would pad a row with hundreds of millions of empty cells.
    private const int MaxColumns = 16_384;
    private const int MaxRowNumber = 1_048_576;

    private readonly SpreadsheetDocument _document;
    private readonly string[] _sharedStrings;
    private readonly IEnumerator<TableRow> _rows;

    public XlsxTable(Stream stream)
    {
        _document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = _document.WorkbookPart ?? throw new InvalidDataException("Filen saknar arbetsbok.");
        _sharedStrings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>()
            .Select(item => item.InnerText).ToArray() ?? [];
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (firstSheet?.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var part) || part is not WorksheetPart sheet)
            throw new InvalidDataException("Arbetsboken har inget kalkylblad.");
        _rows = ReadRows(sheet).GetEnumerator();
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
        var number = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            // The row number is optional in the format; without it a row follows the one before.
            number = row.RowIndex?.Value is { } index
                ? index <= MaxRowNumber ? (int)index : throw new InvalidDataException(Messages.Say("Rad {0} ligger utanför kalkylbladet.", index))
                : number + 1;
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
            && int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < _sharedStrings.Length)
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
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > MaxColumns) throw new InvalidDataException(Messages.Say("Cellen {0} ligger utanför kalkylbladet.", reference));
        }
        return index - 1;
    }

    public void Dispose()
    {
        _rows.Dispose();
        _document.Dispose();
    }
}
