namespace Analytics.Ingest.Text;

/// <summary>A file seen as a header and a stream of rows, whatever its format. Rows are read once, lazily.</summary>
public interface ITable : IDisposable
{
    IReadOnlyList<string> Header { get; }

    /// <summary>The data rows; RowNumber is the row as a spreadsheet would number it (the header is row 1).</summary>
    IEnumerable<TableRow> Rows();
}

public sealed record TableRow(int RowNumber, string[] Cells)
{
    public string Cell(int? column) =>
        column is { } c && c < Cells.Length ? Cells[c].Trim() : "";
}
