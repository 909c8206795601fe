using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using Analytics.Reporting.Charts;
using static Analytics.Reporting.Tests.Charts.ChartFixtures;

namespace Analytics.Reporting.Tests.Charts;

public class TieNetworkChartTests
{
    /// <summary>
    /// Göteborgs Stad (12 people), the region (8) and Göteborgs universitet (6) are named; Borås Stad (3) and Chalmers (2)
    /// are small and merge into their sectors.
    /// </summary>
    private static ProtectedTieGraph Network(int withProfile = 40)
    {
        Tally Organisation(string code, string name, string sector, string label, int persons) => new(code, name, persons, persons, sector, label);
        var figures = new TieGraphFigures(
        [
            Organisation("1", "Göteborgs Stad", "kommun", "Kommun", 12), Organisation("2", "Västra Götalandsregionen", "region", "Region", 8),
            Organisation("3", "Göteborgs universitet", "akademi", "Akademi", 6), Organisation("4", "Borås Stad", "kommun", "Kommun", 3),
            Organisation("5", "Chalmers", "akademi", "Akademi", 2),
        ],
        [
            new OrganisationTie("1", "2", 1.5), new OrganisationTie("1", "3", 0.5), new OrganisationTie("1", "4", 1),
            new OrganisationTie("2", "5", 0.5), new OrganisationTie("3", "5", 0.5),
        ]);
        return Protected.Disclosure.Protect(figures, withProfile);
    }

    private static Chart Draw(ProtectedTieGraph graph) =>
        TieNetworkChart.Of(graph, "Nätverket mellan organisationerna", "Fem noder och fem band.").ShouldNotBeNull();

    [Fact]
    public void Names_every_node_beside_it_and_never_a_merged_organisation()
    {
        var svg = Draw(Network()).Svg("network");
        var texts = string.Join(" | ", Texts(svg));

        foreach (var name in new[] { "Göteborgs Stad", "Västra Götalandsregionen", "Göteborgs universitet" })
            texts.ShouldContain(name);
        texts.ShouldContain("Övriga organisationer inom");
        svg.ShouldNotContain("Borås");
        svg.ShouldNotContain("Chalmers");
    }

    [Fact]
    public void Names_each_sector_once_in_the_legend()
    {
        var texts = Texts(Draw(Network()).Svg("network"));

        foreach (var sector in new[] { "Kommun", "Region", "Akademi" })
            texts.Count(t => t == sector).ShouldBe(1);
    }

    [Fact]
    public void Is_an_image_with_a_title_and_a_description_in_the_bundled_font()
    {
        var svg = Parse(Draw(Network()).Svg("network"));

        svg.Attribute("role")!.Value.ShouldBe("img");
        svg.Elements().First().Value.ShouldBe("Nätverket mellan organisationerna");
        svg.Descendants().Where(e => e.Name.LocalName == "text")
            .ShouldAllBe(t => (string?)t.Attribute("font-family") == ChartStyle.FontName);
    }

    [Fact]
    public void Draws_a_line_for_every_tie_thicker_for_a_heavier_weight()
    {
        var graph = Network();
        var svg = Parse(Draw(graph).Svg("network"));

        graph.Ties.Count.ShouldBe(5);
        var widths = svg.Descendants().Where(e => e.Name.LocalName is "path" or "line")
            .Select(e => (string?)e.Attribute("stroke-width")).OfType<string>()
            .Select(w => double.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).Where(w => w > 1).ToList();
        widths.Max().ShouldBeGreaterThan(widths.Min());
    }

    [Fact]
    public void Draws_nothing_for_a_withheld_network()
    {
        var withheld = Network(withProfile: 9);

        withheld.Withheld.ShouldBeTrue();
        TieNetworkChart.Of(withheld, "Nätverket", "–").ShouldBeNull();
    }

    [Fact]
    public void Writes_the_same_picture_as_png_for_download()
    {
        var png = Draw(Network()).Png();

        png.Take(4).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
    }
}
