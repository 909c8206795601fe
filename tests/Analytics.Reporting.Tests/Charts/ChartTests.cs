using System.Globalization;
using Analytics.Reporting.Charts;
using static Analytics.Reporting.Tests.Charts.ChartFixtures;

namespace Analytics.Reporting.Tests.Charts;

public class ChartTests
{
    private static Chart Sample() => BreakdownChart.Of(Sectors(), "Sektor bland deltagarna", "Antal personer", CultureInfo.GetCultureInfo("sv-SE"));

    [Fact]
    public void Is_an_image_named_by_its_title_and_described_by_its_values()
    {
        var svg = Parse(Sample().Svg("sector"));

        svg.Attribute("role")!.Value.ShouldBe("img");
        svg.Attribute("aria-labelledby")!.Value.ShouldBe("sector-title sector-desc");
        var first = svg.Elements().Take(2).ToList();
        first[0].Name.LocalName.ShouldBe("title");
        first[0].Value.ShouldBe("Sektor bland deltagarna");
        first[0].Attribute("id")!.Value.ShouldBe("sector-title");
        first[1].Name.LocalName.ShouldBe("desc");
        first[1].Value.ShouldBe("Näringsliv: 12; Civilsamhälle: 10; Övrigt: 9");
    }

    [Fact]
    public void Scales_to_its_container_through_a_view_box()
    {
        var chart = Sample();

        Parse(chart.Svg("sector")).Attribute("viewBox")!.Value.ShouldBe($"0 0 {chart.Width} {chart.Height}");
    }

    [Fact]
    public void Prefixes_every_id_inside_so_two_charts_on_one_page_never_share_a_clip_path()
    {
        var chart = Sample();
        var a = Parse(chart.Svg("a"));
        var b = Parse(Sample().Svg("b"));

        var ids = a.DescendantsAndSelf().Concat(b.DescendantsAndSelf()).Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        ids.ShouldBeUnique();
        a.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ShouldAllBe(id => id.StartsWith("a-"));
        var references = a.ToString().Split("url(#").Skip(1).Select(r => r[..r.IndexOf(')')]).ToList();
        references.ShouldNotBeEmpty();
        references.ShouldAllBe(r => r.StartsWith("a-") && ids.Contains(r));
    }

    [Fact]
    public void Writes_the_same_chart_as_png_for_download()
    {
        var png = Sample().Png();

        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        png.Length.ShouldBeGreaterThan(1000);
    }
}
