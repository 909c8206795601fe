using System.Net;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Web.Tests.Pages.Shared;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages.Quarterly;

[Collection(WebCollection.Name)]
public sealed class ReportTests(AnalyticsWebFactory factory)
{
    [Fact]
    public async Task Reports_the_first_quarter_of_2026_which_held_only_the_first_meeting()
    {
        var page = await factory.AdminClient().PageAsync("/kvartal/2026Q1");

        page.QuerySelector("h1")!.Text().ShouldBe("Kvartalsrapport Kvartal 1 2026");
        var figures = page.Section("key-figures").QuerySelector("table")!.Rows();
        figures["Evenemang"][^2].ShouldBe("1");
        figures["Anmälda"][^2].ShouldBe("64");
        figures["Deltog"][^2].ShouldBe("48");
        figures["Med delad profil"][^2].ShouldBe("41");
        page.QuerySelectorAll("#events ~ table.events tbody tr, section[aria-labelledby='events'] table.events tbody tr").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Sets_the_key_figures_against_the_quarters_before_and_says_the_change()
    {
        var trend = await factory.TrendAsync(new Quarter(2026, 3), 4);
        var (before, now) = (trend[^2].Report, trend[^1].Report);

        var page = await factory.AdminClient().PageAsync("/kvartal/2026Q3");

        var table = page.Section("key-figures").QuerySelector("table")!;
        table.QuerySelectorAll("thead th").Select(th => th.Text()).ShouldBe(
            ["Nyckeltal", .. trend.Select(t => $"Kv{t.Quarter.Number} {t.Quarter.Year}"), "Förändring"]);
        var registered = table.Rows()["Anmälda"];
        registered[^2].ShouldBe(Count(now.Participants.Registered, now, Swedish));
        var change = now.Participants.Registered!.Value - before.Participants.Registered!.Value;
        registered[^1].ShouldBe($"{(change > 0 ? "+" : "−")}{Math.Abs(change).ToString("N0", Swedish)}");
    }

    [Fact]
    public async Task Carries_the_mix_the_targets_the_reach_and_the_method_of_the_quarter()
    {
        var report = await factory.ReportAsync(ReportScope.ForQuarter(new Quarter(2026, 3)));

        var page = await factory.AdminClient().PageAsync("/kvartal/2026Q3");

        foreach (var id in new[] { "sector-title", "profession-title", "organisation-title", "municipality-title", "talare-sector-title", "mal-sector-title", "reach", "method" })
            page.GetElementById(id).ShouldNotBeNull(id);
        var reach = page.Section("reach").QuerySelector("table")!.Rows();
        reach["Organisationer"][0].ShouldBe(report.Reach!.Organisations.ToString(Swedish));
        reach["Återkommande deltagare"][0].ShouldBe(Count(report.Reach.ReturningAttendees, report, Swedish));
    }

    [Fact]
    public async Task Prints_without_menu_or_links_on_a4()
    {
        var client = factory.AdminClient();
        var page = await client.PageAsync("/kvartal/2026Q3");
        var css = await client.GetStringAsync(page.QuerySelector("link[rel='stylesheet']")!.GetAttribute("href")!);

        css.ShouldContain("@page { size: A4;");
        var print = css[css.IndexOf("@media print", StringComparison.Ordinal)..];
        print.ShouldContain(".site-header");
        print.ShouldContain(".no-print");
        page.QuerySelectorAll(".no-print a").Select(a => a.GetAttribute("href")).ShouldContain("/export/quarter/2026Q3.xlsx");
        page.QuerySelectorAll(".no-print a").Select(a => a.GetAttribute("href")).ShouldContain("/export/quarter/2026Q3.csv");
    }

    [Fact]
    public async Task Downloads_its_charts_as_png()
    {
        var client = factory.AdminClient();

        await client.PngAsync("/kvartal/2026Q3?handler=png&diagram=sector");
        await client.PngAsync("/kvartal/2026Q3?handler=png&diagram=personer");
    }

    [Theory]
    [InlineData("2026Q9")]
    [InlineData("varen")]
    [InlineData("2019Q1")]
    public async Task Answers_a_quarter_that_is_not_one_or_has_no_events_with_not_found(string quarter)
    {
        var response = await factory.AdminClient().GetAsync($"/kvartal/{quarter}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Sidan finns inte");
    }
}
