using Analytics.Core.Events;
using Analytics.Data;
using Analytics.Web.Tests.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages.Trends;

[Collection(WebCollection.Name)]
public sealed class IndexTests(AnalyticsWebFactory factory)
{
    private async Task<(Quarter First, Quarter Last)> QuartersWithEventsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var starts = await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().Events.Select(e => e.StartsAtUtc).ToListAsync();
        return (starts.Select(Quarter.Containing).Min(), starts.Select(Quarter.Containing).Max());
    }

    [Fact]
    public async Task Tables_registered_and_attended_for_every_quarter_from_the_first_to_the_latest()
    {
        var (first, last) = await QuartersWithEventsAsync();
        var trend = await factory.TrendAsync(last, 11);

        var page = await factory.AdminClient().PageAsync("/trender");

        var section = page.Section("personer-title");
        section.QuerySelector("h2")!.Text().ShouldBe("Anmälda och deltog");
        var rows = section.QuerySelector("table")!.Rows();
        rows.Keys.First().ShouldBe(first.Label());
        rows.Keys.Last().ShouldStartWith(last.Label());
        trend.Count.ShouldBe(rows.Count);
        foreach (var point in trend)
        {
            var row = rows.Single(r => r.Key.StartsWith(point.Quarter.Label())).Value;
            row[0].ShouldBe(Count(point.Report.Participants.Registered, point.Report, Swedish));
            row[1].ShouldBe(point.Report.Participants.AttendanceUnknown ? "–" : Count(point.Report.Participants.Attended, point.Report, Swedish));
        }
    }

    [Fact]
    public async Task Draws_each_group_of_key_figures_as_a_line_chart_with_its_table()
    {
        var page = await factory.AdminClient().PageAsync("/trender");

        var sections = page.QuerySelectorAll("section.trend");
        sections.Select(s => s.QuerySelector("h2")!.Text()).ShouldBe(
        [
            "Evenemang", "Anmälda och deltog", "Med delad profil", "Effektivt antal sektorer och yrken",
            "Organisationer och nya organisationer", "Evenemang med minst tre sektorer",
        ]);
        sections.ShouldAllBe(s => s.QuerySelector("figure.chart svg[role='img']") != null && s.QuerySelector("table") != null);
        page.Section("personer-title").QuerySelector("svg desc")!.TextContent.ShouldStartWith("Anmälda: ");
    }

    [Fact]
    public async Task Writes_shares_and_indices_in_the_readers_culture()
    {
        var (_, last) = await QuartersWithEventsAsync();
        var latest = (await factory.TrendAsync(last, 0)).Single().Report;

        var swedish = (await factory.AdminClient().PageAsync("/trender")).Section("mangfald-title").QuerySelector("table")!.Rows();
        var english = (await factory.AdminClient().PageAsync("/trender?culture=en-GB")).Section("mangfald-title").QuerySelector("table")!.Rows();

        var effective = latest.Dimension("sector")!.EffectiveNumber!.Value;
        swedish.Single(r => r.Key.StartsWith(last.Label())).Value[0].ShouldBe(effective.ToString("0.0", Swedish));
        english.Single(r => r.Key.StartsWith(last.Label(english: true))).Value[0].ShouldBe(effective.ToString("0.0", English));
        english.Keys.First().ShouldStartWith("Q");
    }

    [Fact]
    public async Task Downloads_a_trend_chart_as_png()
    {
        var client = factory.AdminClient();
        var page = await client.PageAsync("/trender");

        var png = page.Section("evenemang-title").QuerySelector("a[download]")!.GetAttribute("href")!;

        png.ShouldBe("/trender?handler=png&diagram=evenemang");
        await client.PngAsync(png);
    }
}
