using System.Globalization;
using Analytics.Reporting.Charts;
using static Analytics.Reporting.Tests.Charts.ChartFixtures;

namespace Analytics.Reporting.Tests.Charts;

public class ComparisonChartTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static Chart SpeakersAndAudience()
    {
        var speakers = Protected.Disclosure.Protect(Protected.Sectors(("kommun", 6), ("region", 5)), withProfile: 11);
        return ComparisonChart.Of(new ComparedGroup("Talare", speakers), new ComparedGroup("Publik", Sectors()),
            "Talare och publik per sektor", "Andel", "<5", Swedish);
    }

    [Fact]
    public void Labels_every_bar_with_its_group_and_share_so_colour_is_never_the_only_cue()
    {
        var texts = Texts(SpeakersAndAudience().Svg("mix"));

        texts.ShouldContain("Talare 55 %");
        texts.ShouldContain("Talare 46 %");
        texts.ShouldContain("Publik 33 %");
        texts.ShouldContain("Kommun");
        texts.ShouldContain("Näringsliv");
    }

    [Fact]
    public void Shows_a_suppressed_cell_as_a_labelled_empty_bar_and_an_absent_one_as_zero()
    {
        var chart = SpeakersAndAudience();
        var texts = Texts(chart.Svg("mix"));

        texts.ShouldContain("Publik <5");
        texts.ShouldContain("Talare 0 %");
        chart.Description.ShouldContain("Talare: Kommun 55 %, Region 46 %, Näringsliv 0 %");
    }

    [Fact]
    public void Leaves_a_category_that_neither_group_shows_to_the_table()
    {
        var chart = SpeakersAndAudience();

        Texts(chart.Svg("mix")).ShouldNotContain("Medborgare och invånare");
        chart.Description.ShouldNotContain("Medborgare");
    }

    [Fact]
    public void Names_both_groups_in_a_legend()
    {
        var texts = Texts(SpeakersAndAudience().Svg("mix"));

        texts.ShouldContain("Talare");
        texts.ShouldContain("Publik");
    }
}
