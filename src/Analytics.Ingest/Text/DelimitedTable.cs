using nietras.SeparatedValues;

namespace Analytics.Ingest.Text;

/// <summary>CSV, semicolon or tab separated text, in UTF-8 or Windows-1252, read as a stream.</summary>
public sealed class DelimitedTable : ITable
{
    private readonly StreamReader _text;
    private readonly SepReader _reader;

    public DelimitedTable(Stream stream)
    {
        _text = new StreamReader(stream, TextSniffer.DetectEncoding(stream), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        // Sep picks the separator from the header line: tab, semicolon or comma. The header is read as a row, since Sep
        // refuses a header that names a column twice, and exports do that (two questions worded alike).
        _reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer })
            .From(_text);
        Header = _reader.MoveNext() ? Cells(_reader.Current).Select(n => n.Trim().Trim('\uFEFF')).ToArray() : [];
    }

    public IReadOnlyList<string> Header { get; }

    public IEnumerable<TableRow> Rows()
    {
        var rowNumber = 1;
        foreach (var row in _reader)
        {
            rowNumber++;
            var cells = Cells(row);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            yield return new TableRow(rowNumber, cells);
        }
    }

    private static string[] Cells(SepReader.Row row)
    {
        var cells = new string[row.ColCount];
        for (var i = 0; i < cells.Length; i++) cells[i] = row[i].ToString();
        return cells;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
