using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages.Principles;

[Collection(WebCollection.Name)]
public sealed class PrinciplesTests(AnalyticsWebFactory factory)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Fact]
    public async Task Lists_the_seven_one_team_gov_principles_in_order()
    {
        var html = await factory.AdminClient().GetStringAsync("/principerna");

        Regex.Matches(html, @"<h2 id=""p(\d)""><span class=""number"">(\d)</span> ([^<]+?) <span")
            .Select(m => (m.Groups[2].Value, m.Groups[3].Value)).ShouldBe([
                ("1", "Arbeta öppet och positivt"), ("2", "Göra saker i praktiken"), ("3", "Experimentera och iterera"),
                ("4", "Bejaka mångfald och vara inkluderande"), ("5", "Bry oss om medborgarna"), ("6", "Arbeta över gränser"),
                ("7", "Omfamna tekniken"),
            ]);
        html.ShouldContain("<a href=\"/oppna-data\">");
        html.ShouldContain("<a href=\"/rackvidd\">");
        html.ShouldContain("<a href=\"/balans\">");
    }

    [Fact]
    public async Task Gives_the_diversity_and_reach_of_all_time_under_principles_four_and_six()
    {
        using var scope = factory.Services.CreateScope();
        var report = (await scope.ServiceProvider.GetRequiredService<ReportReader>().ReadAsync(ReportScope.AllTime)).ShouldNotBeNull().Report;
        var reach = report.Reach.ShouldNotBeNull();

        var html = await factory.AdminClient().GetStringAsync("/principerna");

        html.ShouldContain($"<dt>Effektivt antal sektorer</dt><dd>{report.Dimension("sector")!.EffectiveNumber!.Value.ToString("0.0", Swedish)}</dd>");
        html.ShouldContain($"<dt>Effektivt antal yrken</dt><dd>{report.Dimension("profession")!.EffectiveNumber!.Value.ToString("0.0", Swedish)}</dd>");
        html.ShouldContain($"<dt>Organisationer</dt><dd>{reach.Organisations}</dd>");
        html.ShouldContain($"<dt>Samarrangerade evenemang</dt><dd>{reach.ShareOfCoHostedEvents!.Value.ToString("P0", Swedish)}</dd>");
    }

    [Fact]
    public async Task Counts_the_events_held_and_planned_from_the_sample()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var now = SampleClock.UtcNow;
        var held = await db.Events.CountAsync(e => e.StartsAtUtc <= now);
        var planned = await db.Events.CountAsync(e => e.StartsAtUtc > now);

        var html = await factory.AdminClient().GetStringAsync("/principerna");

        (held + planned).ShouldBe(35);
        html.ShouldContain($"<dt>Hållna evenemang</dt><dd>{held}</dd>");
        html.ShouldContain($"<dt>Planerade evenemang</dt><dd>{planned}</dd>");
        html.ShouldContain("Nätverket har prövat 5 evenemangsformat.");
    }

    [Fact]
    public async Task Speaks_english_when_asked()
    {
        var html = await factory.AdminClient().GetStringAsync("/principerna?culture=en-GB");

        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Embrace diversity and inclusion");
        html.ShouldContain("Work across borders");
    }
}
