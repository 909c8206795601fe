using System.Globalization;
using Analytics.Reporting.Charts;
using static Analytics.Reporting.Tests.Charts.ChartFixtures;

namespace Analytics.Reporting.Tests.Charts;

/// <summary>Drawn charts kept by the key their caller gives (the revisions they are drawn from, see PageCharts.Key).</summary>
public class ChartCacheTests
{
    private static Chart Draw() => BreakdownChart.Of(Sectors(), "Sektor", "Antal personer", CultureInfo.GetCultureInfo("sv-SE"));

    [Fact]
    public void Draws_once_per_key_and_gives_the_same_rendering_after()
    {
        using var cache = new ChartCache();
        var draws = 0;

        var first = cache.GetOrDraw("overview r1 sector sv-SE sv-SE", () => { draws++; return Draw(); });
        var again = cache.GetOrDraw("overview r1 sector sv-SE sv-SE", () => { draws++; return Draw(); });
        var newer = cache.GetOrDraw("overview r2 sector sv-SE sv-SE", () => { draws++; return Draw(); });

        draws.ShouldBe(2);
        again.ShouldBeSameAs(first);
        newer.ShouldNotBeSameAs(first);
        again!.Svg("sector").ShouldBeSameAs(first!.Svg("sector"));
        first.Svg("other").ShouldNotBe(first.Svg("sector"));
    }

    [Fact]
    public void Keeps_nothing_to_draw_as_well()
    {
        using var cache = new ChartCache();
        var draws = 0;

        cache.GetOrDraw("event r1 mal-sector sv-SE sv-SE", () => { draws++; return null; }).ShouldBeNull();
        cache.GetOrDraw("event r1 mal-sector sv-SE sv-SE", () => { draws++; return Draw(); }).ShouldBeNull();

        draws.ShouldBe(1);
    }

    [Fact]
    public async Task Renders_a_shared_chart_for_many_requests_at_once()
    {
        var chart = Draw();

        var svgs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => chart.Svg("sector"))));
        var pngs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(chart.Png)));

        svgs.Distinct().Count().ShouldBe(1);
        pngs.ShouldAllBe(p => ReferenceEquals(p, pngs[0]));
    }
}
