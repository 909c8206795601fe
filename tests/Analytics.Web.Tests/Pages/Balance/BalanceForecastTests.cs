using System.Text.RegularExpressions;
using Analytics.Core.Disclosure;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Reporting.Forecast;
using Analytics.Testing;
using Analytics.Web.Pages.Forecast;
using Analytics.Web.Tests.Pages.Shared;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages.Balance;

/// <summary>The forecast turnout and mix at the door of the planned events on the balance page, beside the targets.</summary>
[Collection(WebCollection.Name)]
public sealed class BalanceForecastTests(AnalyticsWebFactory factory)
{
    // Planned in December 2026 (data-samples/README.md): 49 said yes so far, none of them yet a citizen or resident.
    private const string YearEndMeeting = "2026-12-09-natverksmote-arets-lardomar";

    /// <summary>Trains a version on the sample data, as the weekly job would; the page forecasts from it and today's registrations.</summary>
    private async Task TrainAsync()
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ForecastTrainer>().TrainAsync(CancellationToken.None);
    }

    private async Task<Dictionary<string, double>> SectorTargetsAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().TargetMixes.Where(t => t.Dimension == "sector")
            .ToDictionaryAsync(t => t.Code, t => t.Share);
    }

    private async Task<IReadOnlyList<string>> PlannedSlugsAsync(TestAccount account)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var now = SampleClock.UtcNow;
        var planned = db.Events.Where(e => e.StartsAtUtc > now);
        if (account is TestAccount.OrganiserA or TestAccount.OrganiserB)
        {
            var email = AnalyticsWebFactory.Email(account);
            var organisations = await db.OrganiserOrganisations.Where(o => db.Users.Any(u => u.Id == o.UserId && u.Email == email))
                .Select(o => o.OrganisationId).ToListAsync();
            planned = planned.Where(e => e.Hosts.Any(h => organisations.Contains(h.OrganisationId)));
        }
        return await planned.OrderBy(e => e.Slug).Select(e => e.Slug).ToListAsync();
    }

    private static string Count(int? count, ProtectedForecast forecast) => count?.ToString("N0", Swedish) ?? forecast.Show(null);

    private static IReadOnlyList<string> ForecastSlugs(IDocument page) =>
        [.. page.QuerySelectorAll("section.forecast h3[id^='prognos-']").Select(h => h.Id!["prognos-".Length..^"-title".Length]).Order()];

    /// <summary>No expected or registered count of 1..4 is written anywhere in a forecast box: such counts read "&lt;5".</summary>
    private static void NoSmallCount(IElement section)
    {
        // Shares and targets ("2 %") are not counts.
        foreach (var cell in section.QuerySelectorAll("td.num, dd").Where(c => !c.Text().EndsWith('%')))
            foreach (var number in Regex.Matches(cell.Text().Replace(" ", ""), @"(?<![<\d])\d+").Select(m => int.Parse(m.Value)))
                (number is 0 or >= 5).ShouldBeTrue($"“{cell.Text()}” shows a count below 5");
    }

    [Fact]
    public async Task A_planned_event_shows_its_forecast_with_an_interval_and_the_mix_at_the_door_against_the_targets()
    {
        await TrainAsync();
        using var scope = factory.Services.CreateScope();
        var expected = (await scope.ServiceProvider.GetRequiredService<ForecastReader>().ReadAsync(YearEndMeeting, CancellationToken.None))
            .ShouldNotBeNull().Forecast;

        var page = await factory.AdminClient().PageAsync("/balans");

        var section = page.Section($"prognos-{YearEndMeeting}-title");
        section.QuerySelector("h3")!.Text().ShouldBe("Prognos");
        section.Text().ShouldContain("Prognos utifrån anmälningarna just nu");
        var figures = section.QuerySelectorAll(".forecast-figures div").ToDictionary(d => d.QuerySelector("dt")!.Text(), d => d.QuerySelector("dd")!.Text());
        figures["Förväntat antal deltagare"].ShouldBe(Count(expected.Expected, expected));
        figures["95 % intervall"].ShouldBe($"{Count(expected.Low, expected)}–{Count(expected.High, expected)}");
        var table = section.QuerySelector("table.forecast-mix")!;
        table.QuerySelector("caption")!.Text().ShouldBe("Prognos: förväntad fördelning vid dörren mot målen");
        table.QuerySelectorAll("thead th").Select(th => th.Text()).ShouldBe(["Sektor", "Anmälda", "Prognos", "Andel vid dörren", "Mål", "Mot målet"]);
        var rows = table.Rows();
        foreach (var cell in expected.Sectors.Where(c => c.Code != Core.Forecasts.ForecastGroup.NoProfile))
            rows[Taxonomy.Find(Taxonomy.Sectors, cell.Code)!.NameSv][1].ShouldBe(Count(cell.Expected, expected));
        // Every sector with a target has a row; a shown one under its target is flagged, and the organiser is told which.
        foreach (var (code, target) in new[] { ("kommun", "30 %"), ("medborgare", "5 %"), ("internationellt", "1 %") })
            rows[Taxonomy.Find(Taxonomy.Sectors, code)!.NameSv][3].ShouldBe(target);
        var targets = await SectorTargetsAsync();
        var below = DoorMix.Of(expected, targets).Where(r => r.ExpectedBelowTarget).Select(r => Taxonomy.Find(Taxonomy.Sectors, r.Code)!.NameSv).ToList();
        rows.Where(r => r.Value[4] == "väntas under målet").Select(r => r.Key).ShouldBe(below, ignoreOrder: true);
        if (below.Count > 0) section.Text().ShouldContain($"Sektorer som väntas under målet vid dörren: {string.Join(", ", below)}.");
        else section.Text().ShouldNotContain("Sektorer som väntas under målet");
        section.Closest("details")!.QuerySelector("summary")!.Text().ShouldContain($"prognos {Count(expected.Expected, expected)} deltagare");
        NoSmallCount(section);
    }

    [Fact]
    public async Task The_forecast_says_when_it_rests_on_base_rates_and_is_in_english_when_asked()
    {
        await TrainAsync();
        using var scope = factory.Services.CreateScope();
        var version = (await scope.ServiceProvider.GetRequiredService<Forecaster>().CurrentAsync(CancellationToken.None)).ShouldNotBeNull();

        var page = await factory.AdminClient().PageAsync("/balans?culture=en-GB");

        var section = page.Section($"prognos-{YearEndMeeting}-title");
        section.QuerySelector("h3")!.Text().ShouldBe("Forecast");
        section.Text().ShouldContain(version.UsesModel ? "It rests on a model of attendance" : "It rests on the share who came per sector at earlier events");
        section.QuerySelector("table caption")!.Text().ShouldBe("Forecast: expected mix at the door against the targets");
    }

    [Theory]
    [InlineData(TestAccount.Admin)]
    [InlineData(TestAccount.Steering)]
    [InlineData(TestAccount.OrganiserA)]
    [InlineData(TestAccount.OrganiserB)]
    public async Task Each_account_sees_the_forecasts_of_the_planned_events_it_may_see_and_no_others(TestAccount account)
    {
        await TrainAsync();
        var visible = await PlannedSlugsAsync(account);

        var page = await factory.Client(account).PageAsync("/balans");

        ForecastSlugs(page).ShouldBe(visible);
        if (account is TestAccount.Admin or TestAccount.Steering) visible.Count.ShouldBe(3);
        foreach (var section in page.QuerySelectorAll("section.forecast")) NoSmallCount(section);
    }

    [Fact]
    public async Task Small_expected_counts_read_less_than_five_never_a_number()
    {
        await TrainAsync();
        using var scope = factory.Services.CreateScope();
        var forecasts = await scope.ServiceProvider.GetRequiredService<ForecastReader>().ReadPlannedAsync(await PlannedSlugsAsync(TestAccount.Admin), CancellationToken.None);

        var page = await factory.AdminClient().PageAsync("/balans");

        foreach (var (slug, shown) in forecasts)
        {
            var section = page.Section($"prognos-{slug}-title");
            NoSmallCount(section);
            if (shown.Forecast.Sectors.Any(s => s.Expected is null)) section.InnerHtml.ShouldContain("&lt;5");
        }
        forecasts.Values.Any(f => f.Forecast.Sectors.Any(s => s.Expected == null)).ShouldBeTrue("the sample has a sector expected at 1..4");
    }
}
