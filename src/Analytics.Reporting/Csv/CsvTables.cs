using System.Text;
using Analytics.Reporting.Exports;

namespace Analytics.Reporting.Csv;

/// <summary>
/// Writes export tables as CSV, one after another: the table's caption on a line of its own, its header, its rows, its
/// notes, then an empty line. A single table (<see cref="WriteTableAsync"/>) is a plain rectangular CSV. Rows are
/// written as they are read, so a long table streams.
/// </summary>
public static class CsvTables
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Every table of the export, with captions, to a stream (UTF-8 with a byte order mark).</summary>
    public static async Task WriteAsync(Stream output, IEnumerable<ExportTable> tables, CsvDialect dialect, CancellationToken cancellationToken = default)
    {
        await using var writer = await OpenAsync(output, cancellationToken);
        var first = true;
        foreach (var table in tables)
        {
            if (!first) await writer.WriteLineAsync();
            first = false;
            if (table.Caption is { } caption) await WriteLineAsync(writer, [ExportCell.Of(caption)], dialect);
            await WriteRowsAsync(writer, table, dialect, cancellationToken);
            foreach (var note in table.Notes) await WriteLineAsync(writer, [ExportCell.Of(note)], dialect);
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One table as a plain CSV: the header and the rows only, for programs that read one table per file.</summary>
    public static async Task WriteTableAsync(Stream output, ExportTable table, CsvDialect dialect, CancellationToken cancellationToken = default)
    {
        await using var writer = await OpenAsync(output, cancellationToken);
        await WriteRowsAsync(writer, table, dialect, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One cell as CSV text: numbers in the dialect's format, text neutralised and quoted where it must be.</summary>
    public static string Cell(ExportCell cell, CsvDialect dialect)
    {
        if (cell.Number is { } number)
            return cell.Format switch
            {
                CellFormat.DateTime => cell.AsDateTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                CellFormat.Persons or CellFormat.Whole => number.ToString("0", dialect.Numbers),
                _ => number.ToString("0.####", dialect.Numbers),
            };
        var text = CellText.Neutralise(cell.Text);
        return text.AsSpan().IndexOfAny([dialect.Separator, '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    private static async Task<StreamWriter> OpenAsync(Stream output, CancellationToken cancellationToken)
    {
        // Written asynchronously: a web response refuses synchronous writes.
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        return new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
    }

    private static async Task WriteRowsAsync(StreamWriter writer, ExportTable table, CsvDialect dialect, CancellationToken cancellationToken)
    {
        await WriteLineAsync(writer, [.. table.Columns.Select(c => ExportCell.Of(c.Header))], dialect);
        foreach (var row in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteLineAsync(writer, row, dialect);
        }
    }

    private static Task WriteLineAsync(StreamWriter writer, IReadOnlyList<ExportCell> cells, CsvDialect dialect) =>
        writer.WriteLineAsync(string.Join(dialect.Separator, cells.Select(c => Cell(c, dialect))));
}
