using System.Globalization;
using Analytics.Reporting.Charts;
using static Analytics.Reporting.Tests.Charts.ChartFixtures;

namespace Analytics.Reporting.Tests.Charts;

public class BreakdownChartTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Fact]
    public void Writes_svg_labelled_with_every_shown_category_and_nothing_else()
    {
        var svg = BreakdownChart.Svg(Sectors());

        Parse(svg).Name.LocalName.ShouldBe("svg");
        Texts(svg).Where(t => !t.All(char.IsAsciiDigit))
            .ShouldBe(["Näringsliv", "Civilsamhälle", "Övrigt", "Antal personer"], ignoreOrder: true);
    }

    [Fact]
    public void Never_draws_a_suppressed_category()
    {
        var chart = BreakdownChart.Of(Sectors(), "Sektor", "Antal personer", Swedish);

        chart.Svg("sector").ShouldNotContain("Region");
        chart.Svg("sector").ShouldNotContain("Medborgare");
        chart.Description.ShouldBe("Näringsliv: 12; Civilsamhälle: 10; Övrigt: 9");
    }

    [Fact]
    public void Draws_no_bars_for_a_withheld_breakdown()
    {
        var withheld = Protected.Disclosure.Protect(Protected.Sectors(("kommun", 2), ("region", 1)), withProfile: 3);
        withheld.Withheld.ShouldBeTrue();

        var svg = BreakdownChart.Svg(withheld);

        svg.ShouldNotContain("Kommun");
        svg.ShouldNotContain("Region");
        Texts(svg).ShouldContain("Antal personer");
    }

    [Fact]
    public void Writes_every_label_in_the_bundled_font()
    {
        var svg = BreakdownChart.Svg(Sectors(), axisLabel: "Antal personer i åldern");

        Parse(svg).Descendants().Where(e => e.Name.LocalName == "text")
            .ShouldAllBe(t => (string?)t.Attribute("font-family") == ChartStyle.FontName);
        Texts(svg).ShouldContain("Antal personer i åldern");
        File.Exists(Path.Combine(AppContext.BaseDirectory, "fonts", "DejaVuSans.ttf")).ShouldBeTrue();
    }

    [Fact]
    public void Names_categories_in_the_readers_language_when_told_how()
    {
        var chart = BreakdownChart.Of(Sectors(), "Sector", "Number of people", CultureInfo.GetCultureInfo("en-GB"),
            (code, label) => code == "naringsliv" ? "Business" : label);

        Texts(chart.Svg("sector")).ShouldContain("Business");
        Texts(chart.Svg("sector")).ShouldNotContain("Näringsliv");
    }

    [Fact]
    public void Draws_bars_in_the_colour_blind_safe_blue()
    {
        var svg = BreakdownChart.Of(Sectors(), "Sektor", "Antal personer", Swedish).Svg("sector");

        svg.ShouldContain("fill=\"#0072B2\"", Case.Insensitive);
    }
}
