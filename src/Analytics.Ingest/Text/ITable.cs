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

public static class HeaderExtensions
{
    /// <summary>The index of the column with this name, matched case-insensitively and ignoring spaces around it.</summary>
    public static int? Column(this IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
            if (header[i].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }

    public static bool HasColumn(this IReadOnlyList<string> header, string name) => header.Column(name) is not null;
}
