using System.Xml.Linq;
using Analytics.Core.Disclosure;
using Analytics.Reporting.Charts;

namespace Analytics.Reporting.Tests.Charts;

public class BreakdownChartTests
{
    /// <summary>Näringsliv, Civilsamhälle and Övrigt shown; Region (3) and Medborgare (2) suppressed together.</summary>
    private static ProtectedBreakdown Sectors()
    {
        var breakdown = Protected.Disclosure.Protect(
            Protected.Sectors(("naringsliv", 12), ("civilsamhalle", 10), ("ovrigt", 9), ("region", 3), ("medborgare", 2)), withProfile: 36);
        breakdown.Cells.Where(c => c.Suppressed).Select(c => c.Code).ShouldBe(["medborgare", "region"], ignoreOrder: true);
        return breakdown;
    }

    private static List<XElement> Texts(string svg) =>
        [.. XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text")];

    [Fact]
    public void Writes_svg_labelled_with_every_shown_category_and_nothing_else()
    {
        var svg = BreakdownChart.Svg(Sectors());

        XDocument.Parse(svg).Root.ShouldNotBeNull().Name.LocalName.ShouldBe("svg");
        Texts(svg).Select(t => t.Value.Trim()).Where(t => !t.All(char.IsAsciiDigit))
            .ShouldBe(["Näringsliv", "Civilsamhälle", "Övrigt", "Antal personer"], ignoreOrder: true);
    }

    [Fact]
    public void Never_draws_a_suppressed_category()
    {
        var svg = BreakdownChart.Svg(Sectors());

        svg.ShouldNotContain("Region");
        svg.ShouldNotContain("Medborgare");
    }

    [Fact]
    public void Draws_no_bars_for_a_withheld_breakdown()
    {
        var withheld = Protected.Disclosure.Protect(Protected.Sectors(("kommun", 2), ("region", 1)), withProfile: 3);
        withheld.Withheld.ShouldBeTrue();

        var svg = BreakdownChart.Svg(withheld);

        svg.ShouldNotContain("Kommun");
        svg.ShouldNotContain("Region");
        Texts(svg).ShouldContain(t => t.Value.Trim() == "Antal personer");
    }

    [Fact]
    public void Writes_every_label_in_the_bundled_font()
    {
        var svg = BreakdownChart.Svg(Sectors(), axisLabel: "Antal personer i åldern");

        Texts(svg).ShouldAllBe(t => (string?)t.Attribute("font-family") == "DejaVu Sans");
        Texts(svg).ShouldContain(t => t.Value.Trim() == "Antal personer i åldern");
        File.Exists(Path.Combine(AppContext.BaseDirectory, "fonts", "DejaVuSans.ttf")).ShouldBeTrue();
    }
}
