using System.Text.RegularExpressions;
using Analytics.Core.Events;
using Analytics.Core.Participations;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class IndexTests(AnalyticsWebFactory factory)
{
    [Fact]
    public async Task Shows_the_latest_held_quarter_with_its_registrations_counted_from_the_sample_data()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var now = DateTime.UtcNow;
        var latest = (await db.Events.Where(e => e.StartsAtUtc <= now).Select(e => e.StartsAtUtc).ToListAsync())
            .Select(Quarter.Containing).Max();
        var registered = await db.Participations
            .Where(p => p.Rsvp == Rsvp.Yes && db.Events.Any(e => e.Id == p.EventId && e.StartsAtUtc >= latest.StartUtc && e.StartsAtUtc < latest.EndUtc))
            .SumAsync(p => 1 + p.Guests);

        var html = await factory.CreateClient().GetStringAsync("/");

        html.ShouldContain($"Översikt <span class=\"subtitle\">{latest.Label()}</span>");
        Regex.IsMatch(html, $@"<dt>Anmälda</dt><dd>{registered}</dd>").ShouldBeTrue($"expected {registered} registered in {latest}");
        html.ShouldContain("Effektivt antal sektorer");
        html.ShouldContain("<h3 id=\"sector-title\">Sektor</h3>");
        html.ShouldContain("<h3 id=\"profession-title\">Yrke</h3>");
        html.ShouldContain("<h3 id=\"organisation-title\">Organisation</h3>");
    }

    [Fact]
    public async Task Never_shows_a_count_below_the_threshold_in_any_table()
    {
        var html = await factory.CreateClient().GetStringAsync("/");

        Regex.Matches(html, @"<td class=""num"">([1-4])</td>").ShouldBeEmpty();
        html.ShouldContain("&lt;5");
    }

    [Fact]
    public async Task Lets_the_steering_group_pick_an_earlier_quarter_in_the_query_string()
    {
        var html = await factory.CreateClient().GetStringAsync("/?kvartal=2026Q1");

        html.ShouldContain("Kvartal 1 2026</span>");
        html.ShouldContain("Första mötet: One Team Gov Västsverige");
    }

    [Fact]
    public async Task Speaks_english_when_asked()
    {
        var html = await factory.CreateClient().GetStringAsync("/?culture=en-GB");

        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Overview");
        html.ShouldContain("Who came?");
    }
}
