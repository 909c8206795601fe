using System.Text;
using Analytics.Core.Imports;
using Analytics.Reporting.Csv;

namespace Analytics.Web.Pages.Import;

/// <summary>
/// A batch's rejected rows as CSV the way Swedish Excel opens it: UTF-8 with a byte order mark, semicolons, CRLF. A cell
/// that a spreadsheet would run as a formula gets a leading apostrophe (<see cref="CellText"/>), since the reasons quote
/// what the uploaded file said.
/// </summary>
public static class RowErrorsCsv
{
    public const string Header = "Rad;Kolumn;Orsak";

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<ImportRowError> errors, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header);
        await foreach (var e in errors.WithCancellation(cancellationToken))
            await writer.WriteLineAsync($"{e.RowNumber};{Cell(e.Column)};{Cell(e.Reason)}");
        await writer.FlushAsync(cancellationToken);
    }

    public static string Cell(string? text)
    {
        var value = CellText.Neutralise(text);
        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
