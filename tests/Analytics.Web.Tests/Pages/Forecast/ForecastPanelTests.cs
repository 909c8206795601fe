using Analytics.Data;
using Analytics.Reporting.Forecast;
using Analytics.Testing;
using Analytics.Web.Tests.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages.Forecast;

[Collection(WebCollection.Name)]
public sealed class ForecastPanelTests(AnalyticsWebFactory factory)
{
    private const string Planned = "2026-12-09-natverksmote-arets-lardomar";
    private const string FirstMeeting = "2026-03-23-forsta-motet";

    /// <summary>Trains a version on the sample data and stores the forecasts of every event after <paramref name="asOfUtc"/>, as the weekly job would then.</summary>
    private async Task StoreForecastsAsync(DateTime asOfUtc)
    {
        using var scope = factory.Services.CreateScope();
        var version = await scope.ServiceProvider.GetRequiredService<ForecastTrainer>().TrainAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ForecastSnapshots>().WritePlannedAsync(version, asOfUtc, CancellationToken.None);
    }

    private static void NoSmallCount(AngleSharp.Dom.IElement section)
    {
        foreach (var cell in section.QuerySelectorAll("td.num, dd"))
            foreach (var number in System.Text.RegularExpressions.Regex.Matches(cell.Text(), @"(?<![<\d])\d+").Select(m => int.Parse(m.Value)))
                (number is 0 or >= 5).ShouldBeTrue($"“{cell.Text()}” shows a count below 5");
    }

    [Fact]
    public async Task A_planned_event_shows_its_forecast_from_the_registrations_now_labelled_as_one_and_protected()
    {
        await StoreForecastsAsync(SampleClock.UtcNow);

        var page = await factory.AdminClient().PageAsync($"/evenemang/{Planned}");

        var section = page.Section("forecast-title");
        section.QuerySelector("h2")!.Text().ShouldBe("Prognos");
        section.Text().ShouldContain("Prognos utifrån anmälningarna just nu");
        section.Text().ShouldContain("Förväntat antal deltagare");
        section.Text().ShouldContain("95 % intervall");
        section.QuerySelector("table caption")!.Text().ShouldBe("Förväntad fördelning vid dörren");
        section.QuerySelectorAll("tbody tr").Length.ShouldBeGreaterThan(0);
        NoSmallCount(section);
    }

    [Fact]
    public async Task After_the_event_the_forecast_made_before_it_stands_beside_the_outcome()
    {
        // As if the job had run on 1 March, when the first meeting was still planned (the version itself learnt from
        // today's history; only the page is under test here).
        await StoreForecastsAsync(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc));

        var page = await factory.AdminClient().PageAsync($"/evenemang/{FirstMeeting}?culture=en-GB");

        var section = page.Section("forecast-title");
        section.QuerySelector("h2")!.Text().ShouldBe("Forecast and outcome");
        section.QuerySelectorAll("thead th").Select(th => th.Text()).ShouldContain("Outcome");
        section.QuerySelectorAll(".forecast-figures div").ToDictionary(d => d.QuerySelector("dt")!.Text(), d => d.QuerySelector("dd")!.Text())["Attended"].ShouldBe("48");
        NoSmallCount(section);
    }

    [Fact]
    public async Task A_held_event_without_a_forecast_made_before_it_shows_none()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            (await db.Events.AnyAsync(e => e.Slug == "2025-10-23-workshop-trollhattan")).ShouldBeTrue();
        }

        var page = await factory.AdminClient().PageAsync("/evenemang/2025-10-23-workshop-trollhattan");

        page.QuerySelector("#forecast-title").ShouldBeNull();
    }
}
