using System.Net;
using Analytics.Core.Events;
using Analytics.Core.Participations;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Testing;
using Analytics.Web.Tests.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class IndexTests(AnalyticsWebFactory factory)
{
    private async Task<Quarter> LatestHeldQuarterAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var now = SampleClock.UtcNow;
        return (await db.Events.Where(e => e.StartsAtUtc <= now).Select(e => e.StartsAtUtc).ToListAsync()).Select(Quarter.Containing).Max();
    }

    [Fact]
    public async Task Shows_the_latest_held_quarter_with_its_registrations_counted_from_the_sample_data()
    {
        var latest = await LatestHeldQuarterAsync();
        int registered;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            registered = await db.Participations
                .Where(p => p.Rsvp == Rsvp.Yes && db.Events.Any(e => e.Id == p.EventId && e.StartsAtUtc >= latest.StartUtc && e.StartsAtUtc < latest.EndUtc))
                .SumAsync(p => 1 + p.Guests);
        }

        var page = await factory.AdminClient().PageAsync("/");

        page.QuerySelector("h1")!.Text().ShouldBe($"Översikt {latest.Label()}");
        page.KeyFigure("Anmälda").ShouldBe(registered.ToString("N0", Swedish));
        page.GetElementById("sector-title")!.Text().ShouldBe("Sektor");
        page.GetElementById("profession-title")!.Text().ShouldBe("Yrke");
    }

    [Fact]
    public async Task Shows_every_key_figure_of_the_quarter_as_its_protected_snapshot_has_it()
    {
        var latest = await LatestHeldQuarterAsync();
        var report = await factory.ReportAsync(ReportScope.ForQuarter(latest));

        var page = await factory.AdminClient().PageAsync("/");

        page.KeyFigure("Evenemang").ShouldBe(report.Events!.Value.ToString(Swedish));
        page.KeyFigure("Deltog").ShouldBe(Count(report.Participants.Attended, report, Swedish));
        page.KeyFigure("Med delad profil").ShouldBe(Count(report.Participants.WithProfile, report, Swedish));
        page.KeyFigure("Effektivt antal sektorer").ShouldBe(report.Dimension("sector")!.EffectiveNumber!.Value.ToString("0.0", Swedish));
        page.KeyFigure("Effektivt antal yrken").ShouldBe(report.Dimension("profession")!.EffectiveNumber!.Value.ToString("0.0", Swedish));
        page.KeyFigure("Organisationer").ShouldBe(report.Reach!.Organisations.ToString(Swedish));
        page.KeyFigure("Nya organisationer").ShouldBe(report.Reach.NewOrganisations.ToString(Swedish));
        page.KeyFigure("Evenemang med minst tre sektorer").ShouldBe(report.Reach.ShareOfCrossSectorEvents!.Value.ToString("P0", Swedish));
    }

    [Fact]
    public async Task Sets_each_key_figure_against_the_quarter_before_with_a_trend_line_described_in_words()
    {
        var latest = await LatestHeldQuarterAsync();
        var trend = await factory.TrendAsync(latest, 4);
        var (before, now) = (trend[^2].Report, trend[^1].Report);
        var change = now.Events!.Value - before.Events!.Value;

        var page = await factory.AdminClient().PageAsync("/");

        var events = page.GetElementById("figure-evenemang")!;
        events.QuerySelector("dd.change")!.Text().ShouldBe(
            $"{(change > 0 ? "+" : change < 0 ? "−" : "±")}{Math.Abs(change)} jämfört med {trend[^2].Quarter.Label()}");
        var spark = events.QuerySelector("svg")!;
        spark.GetAttribute("role").ShouldBe("img");
        spark.QuerySelector("title")!.TextContent.ShouldBe("Evenemang per kvartal");
        spark.QuerySelector("desc")!.TextContent.ShouldBe(string.Join(", ", trend.Select(t => $"Kv{t.Quarter.Number} {t.Quarter.Year} {t.Report.Events}")));
    }

    [Fact]
    public async Task Sets_the_speakers_mix_beside_the_audiences()
    {
        var latest = await LatestHeldQuarterAsync();
        var report = await factory.ReportAsync(ReportScope.ForQuarter(latest));
        var speakers = report.Subset(Subset.Speakers)!.Dimensions["sector"];
        var audience = report.Subset(Subset.Audience)!.Dimensions["sector"];

        var page = await factory.AdminClient().PageAsync("/");

        var table = page.Section("talare-sector-title").QuerySelector("table")!;
        table.QuerySelectorAll("thead th").Select(th => th.Text())
            .ShouldBe(["Kategori", "Talare, antal", "Talare, andel", "Publik, antal", "Publik, andel"]);
        var rows = table.Rows();
        foreach (var cell in speakers.Cells) rows[cell.Label][0].ShouldBe(Count(cell.Count, report, Swedish));
        foreach (var cell in audience.Cells) rows[cell.Label][2].ShouldBe(Count(cell.Count, report, Swedish));
    }

    [Fact]
    public async Task Never_shows_a_count_of_people_below_the_threshold_in_any_table()
    {
        var page = await factory.AdminClient().PageAsync("/");

        var counts = page.QuerySelectorAll("section.breakdown table td.num").Select(td => td.Text()).ToList();
        counts.ShouldContain("<5");
        counts.Where(t => int.TryParse(t, out _)).Select(int.Parse).ShouldAllBe(n => n == 0 || n >= 5);
    }

    [Fact]
    public async Task Shows_a_suppressed_cell_as_less_than_five_with_a_tooltip_and_the_reason_in_words()
    {
        var page = await factory.AdminClient().PageAsync("/");

        var sector = page.Section("sector-title");
        var suppressed = sector.QuerySelectorAll("abbr.suppressed");
        suppressed.ShouldNotBeEmpty();
        suppressed.ShouldAllBe(a => a.TextContent == "<5");
        suppressed[0].GetAttribute("title").ShouldBe("Färre än 5 personer, eller dolt så att en liten grupp inte kan räknas fram");
        sector.QuerySelectorAll("p.method").Select(p => p.Text()).ShouldContain(t => t.Contains("visas som <5"));
    }

    [Fact]
    public async Task Lets_the_steering_group_pick_an_earlier_quarter_in_the_query_string()
    {
        var page = await factory.AdminClient().PageAsync("/?kvartal=2026Q1");

        page.QuerySelector("h1 .subtitle")!.Text().ShouldBe("Kvartal 1 2026");
        page.KeyFigure("Anmälda").ShouldBe("64");
        page.QuerySelectorAll("table.events a").Select(a => a.Text()).ShouldContain("Första mötet: One Team Gov Västsverige");
    }

    [Fact]
    public async Task Speaks_english_when_asked_with_taxonomy_labels_in_english()
    {
        var page = await factory.AdminClient().PageAsync("/?culture=en-GB");

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("h1")!.Text().ShouldStartWith("Overview");
        page.KeyFigures().ShouldContain("Registered");
        var rows = page.Section("sector-title").QuerySelector("table")!.Rows();
        rows.Keys.ShouldContain("Municipality");
        rows.Keys.ShouldNotContain("Kommun");
    }

    [Fact]
    public async Task Downloads_the_sector_chart_as_png_and_refuses_an_unknown_chart()
    {
        var client = factory.AdminClient();
        var page = await client.PageAsync("/?kvartal=2026Q3");
        var link = page.Section("sector-title").QuerySelector("figure.chart a[download]")!.GetAttribute("href")!;

        link.ShouldBe("/?kvartal=2026Q3&handler=png&diagram=sector");
        (await client.PngAsync(link)).Length.ShouldBeGreaterThan(1000);
        (await client.GetAsync("/?handler=png&diagram=finns-inte")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Draws_every_chart_as_an_image_named_by_its_title()
    {
        var page = await factory.AdminClient().PageAsync("/");

        var charts = page.QuerySelectorAll("main svg");
        charts.ShouldNotBeEmpty();
        foreach (var svg in charts)
        {
            svg.GetAttribute("role").ShouldBe("img");
            var ids = svg.GetAttribute("aria-labelledby")!.Split(' ');
            ids.ShouldAllBe(id => page.GetElementById(id) != null && page.GetElementById(id)!.TextContent.Length > 0);
        }
        charts.Select(s => s.Id).ShouldBeUnique();
    }

    [Fact]
    public async Task Draws_a_chart_anew_when_its_snapshot_is_written_again_and_never_serves_the_older_drawing()
    {
        // 2026Q2: a quarter no other test of the collection changes.
        var client = factory.AdminClient();
        var before = SectorDescription(await client.GetStringAsync("/?kvartal=2026Q2"));
        SectorDescription(await client.GetStringAsync("/?kvartal=2026Q2")).ShouldBe(before);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var snapshot = await db.ReportSnapshots.SingleAsync(s => s.ScopeKind == ReportScope.QuarterKind && s.ScopeKey == "2026Q2");
        var stored = snapshot.Payload;
        // As a recompute on another server writes the row: new figures under a new revision.
        var payload = System.Text.Json.Nodes.JsonNode.Parse(stored)!.AsObject();
        var sector = payload["breakdowns"]!.AsArray().Single(b => (string?)b!["dimension"] == "sector")!["tallies"]!.AsArray();
        foreach (var tally in sector)
        {
            tally!["count"] = (int)tally["count"]! + 1000;
            tally["persons"] = (int)tally["persons"]! + 1000;
        }
        (snapshot.Payload, snapshot.Revision) = (payload.ToJsonString(), Guid.NewGuid());
        await db.SaveChangesAsync();
        try
        {
            var after = SectorDescription(await client.GetStringAsync("/?kvartal=2026Q2"));

            after.ShouldNotBe(before);
        }
        finally
        {
            (snapshot.Payload, snapshot.Revision) = (stored, Guid.NewGuid());
            await db.SaveChangesAsync();
        }
        SectorDescription(await client.GetStringAsync("/?kvartal=2026Q2")).ShouldBe(before);

        static string SectorDescription(string html)
        {
            var description = System.Text.RegularExpressions.Regex.Match(html, "<desc id=\"sector-chart-desc\">(.*?)</desc>").Groups[1].Value;
            description.ShouldNotBeNullOrEmpty();
            return description;
        }
    }

    [Fact]
    public async Task Shows_an_event_changed_on_another_server_at_the_next_request_on_the_overview_and_its_report()
    {
        // 2026Q2: a quarter no other test of the collection changes. The pages keep what they read between requests.
        var client = factory.AdminClient();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var quarter = new Quarter(2026, 2);
        var ev = await db.Events.Where(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc).OrderByDescending(e => e.StartsAtUtc).FirstAsync();
        var title = ev.Title;
        (await client.GetStringAsync("/?kvartal=2026Q2")).ShouldContain(title);
        (await client.PageAsync($"/evenemang/{ev.Slug}")).QuerySelector("h1")!.Text().ShouldContain(title);

        // As an organiser's edit on another server writes it: the same database, another process's context.
        ev.Title = "Omdöpt träff";
        await db.SaveChangesAsync();
        try
        {
            (await client.GetStringAsync("/?kvartal=2026Q2")).ShouldContain("Omdöpt träff");
            (await client.PageAsync($"/evenemang/{ev.Slug}")).QuerySelector("h1")!.Text().ShouldContain("Omdöpt träff");
        }
        finally
        {
            ev.Title = title;
            await db.SaveChangesAsync();
        }
        (await client.GetStringAsync("/?kvartal=2026Q2")).ShouldNotContain("Omdöpt träff");
    }
}
