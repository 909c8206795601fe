using Analytics.Reporting.Csv;

namespace Analytics.Reporting.Tests.Csv;

public class CellTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    public void Prefixes_an_apostrophe_to_text_a_spreadsheet_would_run_as_a_formula(string text, string neutralised) =>
        CellText.Neutralise(text).ShouldBe(neutralised);

    [Theory]
    [InlineData("Göteborgs Stad", "Göteborgs Stad")]
    [InlineData("Stad = kommun", "Stad = kommun")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Leaves_every_other_text_as_it_is(string? text, string neutralised) =>
        CellText.Neutralise(text).ShouldBe(neutralised);
}
