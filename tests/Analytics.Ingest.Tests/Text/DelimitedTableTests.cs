using System.Text;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.Tests.Text;

public class DelimitedTableTests
{
    public static TheoryData<string> Encodings => ["utf-8 with bom", "utf-8", "windows-1252"];

    private static MemoryStream Saved(string text, string encoding) => new(encoding switch
    {
        "utf-8 with bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-8" => Encoding.UTF8.GetBytes(text),
        _ => TextSniffer.Windows1252.GetBytes(text),
    });

    [Theory, MemberData(nameof(Encodings))]
    public void Keeps_a_ring_a_umlaut_and_o_umlaut_whatever_the_encoding(string encoding)
    {
        using var table = new DelimitedTable(Saved("Vilken organisation kommer du från?;Kommun\nÖckerö kommun;Åmål\nSkövde kommun;Härryda\n", encoding));

        table.Header.ShouldBe(["Vilken organisation kommer du från?", "Kommun"]);
        table.Rows().Select(r => r.Cells).ShouldBe([["Öckerö kommun", "Åmål"], ["Skövde kommun", "Härryda"]]);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData(',')]
    public void Splits_the_header_and_rows_on_the_separator_the_header_line_uses(char separator)
    {
        var text = string.Join(separator, "Name", "User ID", "RSVP", "Vilken sektor arbetar du inom?") + "\n"
            + string.Join(separator, "Anna Berg", "user 12345", "Yes", "Näringsliv") + "\n";

        using var table = new DelimitedTable(Saved(text, "utf-8"));

        table.Header.ShouldBe(["Name", "User ID", "RSVP", "Vilken sektor arbetar du inom?"]);
        table.Rows().Single().Cells.ShouldBe(["Anna Berg", "user 12345", "Yes", "Näringsliv"]);
    }

    [Fact]
    public void Reads_a_quoted_cell_that_holds_the_separator_as_one_cell()
    {
        using var table = new DelimitedTable(Saved("Notes,RSVP\n\"Kommer sent, tyvärr\",Yes\n", "utf-8"));

        table.Rows().Single().Cells.ShouldBe(["Kommer sent, tyvärr", "Yes"]);
    }

    [Fact]
    public void Skips_blank_lines_but_numbers_rows_as_a_spreadsheet_would()
    {
        using var table = new DelimitedTable(Saved("RSVP;Guests\nYes;0\n;\nNo;1\n", "utf-8"));

        table.Rows().Select(r => (r.RowNumber, r.Cells[0])).ShouldBe([(2, "Yes"), (4, "No")]);
    }
}
