using System.Text;
using Analytics.Core.Imports;
using Analytics.Web.Pages.Import;

namespace Analytics.Web.Tests.Pages.Import;

public sealed class RowErrorsCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\")", "\"'=HYPERLINK(\"\"http://example.com\"\")\"")]
    [InlineData("+46 31 123 45", "'+46 31 123 45")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void Prefixes_an_apostrophe_to_a_cell_a_spreadsheet_would_run_as_a_formula(string text, string cell) =>
        RowErrorsCsv.Cell(text).ShouldBe(cell);

    [Theory]
    [InlineData("RSVP", "RSVP")]
    [InlineData("Okänt värde; väntade Ja", "\"Okänt värde; väntade Ja\"")]
    [InlineData("Raden säger \"hej\"", "\"Raden säger \"\"hej\"\"\"")]
    [InlineData(null, "")]
    public void Quotes_only_cells_with_a_semicolon_a_quote_or_a_line_break(string? text, string cell) =>
        RowErrorsCsv.Cell(text).ShouldBe(cell);

    [Fact]
    public async Task Writes_a_byte_order_mark_the_swedish_header_and_one_line_per_error()
    {
        using var output = new MemoryStream();

        await RowErrorsCsv.WriteAsync(output, Errors(
            new ImportRowError { RowNumber = 7, Column = "RSVP", Reason = "Okänt RSVP-värde ”Kanske”" },
            new ImportRowError { RowNumber = 9, Column = null, Reason = "Samma person förekommer redan tidigare i filen" }), CancellationToken.None);

        var bytes = output.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldBe(
            "Rad;Kolumn;Orsak\r\n7;RSVP;Okänt RSVP-värde ”Kanske”\r\n9;;Samma person förekommer redan tidigare i filen\r\n");
    }

    private static async IAsyncEnumerable<ImportRowError> Errors(params ImportRowError[] errors)
    {
        foreach (var e in errors)
        {
            await Task.Yield();
            yield return e;
        }
    }
}
