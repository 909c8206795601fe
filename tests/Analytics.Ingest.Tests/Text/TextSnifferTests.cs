using System.Text;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.Tests.Text;

public class TextSnifferTests
{
    private const string Swedish = "Organisation;Kommun\nGöteborgs Stad;Åmål\n";

    [Fact]
    public void Recognises_utf8_with_a_byte_order_mark()
    {
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Swedish)]);

        var encoding = TextSniffer.DetectEncoding(stream);

        encoding.ShouldBeOfType<UTF8Encoding>().GetPreamble().ShouldNotBeEmpty();
        stream.Position.ShouldBe(0);
    }

    [Fact]
    public void Recognises_utf8_without_a_byte_order_mark()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Swedish));

        var encoding = TextSniffer.DetectEncoding(stream);

        encoding.ShouldBeOfType<UTF8Encoding>().GetPreamble().ShouldBeEmpty();
        stream.Position.ShouldBe(0);
    }

    [Fact]
    public void Takes_bytes_that_are_not_utf8_as_windows_1252_as_swedish_excel_saves_them()
    {
        using var stream = new MemoryStream(TextSniffer.Windows1252.GetBytes(Swedish));

        TextSniffer.DetectEncoding(stream).CodePage.ShouldBe(1252);
        stream.Position.ShouldBe(0);
    }

    [Fact]
    public void Keeps_utf8_when_the_sample_ends_in_the_middle_of_a_character()
    {
        // The sniffer looks at the first 64 KiB; here that sample ends halfway through a two-byte "å".
        var text = "Organisation\n" + new string('å', 40_000);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        TextSniffer.DetectEncoding(stream).ShouldBeOfType<UTF8Encoding>();
    }
}
