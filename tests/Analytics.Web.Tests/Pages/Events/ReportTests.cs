using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Participations;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Web.Tests.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages.Events;

[Collection(WebCollection.Name)]
public sealed class ReportTests(AnalyticsWebFactory factory)
{
    private const string FirstMeeting = "2026-03-23-forsta-motet";
    private const string Url = $"/evenemang/{FirstMeeting}";

    [Fact]
    public async Task Shows_registered_attended_and_shared_profiles_of_the_first_meeting()
    {
        // The sample's first meeting: 64 said yes, 48 came, 41 of those consented (data-samples/README.md).
        var page = await factory.AdminClient().PageAsync(Url);

        page.QuerySelector("h1")!.Text().ShouldBe("Första mötet: One Team Gov Västsverige");
        page.KeyFigure("Anmälda").ShouldBe("64");
        page.KeyFigure("Deltog").ShouldBe("48");
        page.KeyFigure("Med delad profil").ShouldBe("41");
    }

    [Fact]
    public async Task Shows_each_shown_sector_count_as_stored_and_a_chart_beside_the_table()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var kommun = await db.Participations.CountAsync(p =>
            db.Events.Any(e => e.Id == p.EventId && e.Slug == FirstMeeting) && p.Attendance == Attendance.Attended && p.HasProfile && p.SectorCode == "kommun");

        var html = await factory.AdminClient().GetStringAsync(Url);
        var sector = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Section("sector-title");

        kommun.ShouldBeGreaterThanOrEqualTo(5);
        sector.QuerySelector("table")!.Rows()["Kommun"][0].ShouldBe(kommun.ToString());
        sector.QuerySelector("figure.chart svg")!.GetAttribute("role").ShouldBe("img");
        html.ShouldContain("DejaVu Sans");
        Regex.Matches(html, @"<td class=""num"">([1-4])</td>").ShouldBeEmpty();
    }

    [Fact]
    public async Task Breaks_the_mix_down_by_sector_profession_organisation_municipality_and_role()
    {
        var report = await factory.ReportAsync(ReportScope.ForEvent(FirstMeeting));

        var page = await factory.AdminClient().PageAsync(Url);

        foreach (var (id, title) in new[] { ("sector", "Sektor"), ("profession", "Yrke"), ("organisation", "Organisation"), ("municipality", "Kommun"), ("role", "Roll") })
        {
            var section = page.Section($"{id}-title");
            section.QuerySelector("h3")!.Text().ShouldBe(title);
            var rows = section.QuerySelector("table")!.Rows();
            foreach (var cell in report.Dimension(id)!.Cells) rows[cell.Label][0].ShouldBe(Count(cell.Count, report, Swedish));
        }
    }

    [Fact]
    public async Task Sets_the_mix_of_everyone_registered_beside_those_who_came()
    {
        var report = await factory.ReportAsync(ReportScope.ForEvent(FirstMeeting));
        var registered = report.Subset(Subset.Registered)!.Dimensions["sector"];

        var page = await factory.AdminClient().PageAsync(Url);

        var rows = page.Section("anmalda-sector-title").QuerySelector("table")!.Rows();
        foreach (var cell in registered.Cells) rows[cell.Label][0].ShouldBe(Count(cell.Count, report, Swedish));
        foreach (var cell in report.Dimension("sector")!.Cells) rows[cell.Label][2].ShouldBe(Count(cell.Count, report, Swedish));
    }

    [Fact]
    public async Task Compares_speakers_with_the_audience()
    {
        var page = await factory.AdminClient().PageAsync(Url);

        var section = page.Section("talare-sector-title");
        section.QuerySelector("table thead")!.Text().ShouldBe("Kategori Talare, antal Talare, andel Publik, antal Publik, andel");
        section.QuerySelectorAll("p.method").Select(p => p.Text()).ShouldContain(t => t.StartsWith("Talare: "));
    }

    [Fact]
    public async Task Compares_the_mix_with_the_example_targets_with_wilson_intervals()
    {
        var report = await factory.ReportAsync(ReportScope.ForEvent(FirstMeeting));
        var balance = report.BalanceOf("sector")!;
        var shown = balance.Cells.First(c => c.Share is not null);

        var page = await factory.AdminClient().PageAsync(Url);

        var section = page.Section("mal-sector-title");
        section.QuerySelector("h3")!.Text().ShouldBe("Sektor mot målfördelningen exempelmål");
        var row = section.QuerySelector("table")!.Rows()[shown.Label];
        row[1].ShouldBe(shown.Share!.Value.ToString("P0", Swedish));
        row[2].ShouldBe($"{shown.Low!.Value.ToString("P0", Swedish)}–{shown.High!.Value.ToString("P0", Swedish)}");
        row[3].ShouldBe(shown.Target.ToString("P0", Swedish));
        section.QuerySelector("p.method")!.Text().ShouldBe(balance.Note);
        section.QuerySelector("figure.chart svg title")!.TextContent.ShouldBe("Sektor mot målfördelningen");
    }

    [Fact]
    public async Task Says_in_the_method_note_what_was_hidden_in_each_breakdown_and_why()
    {
        var report = await factory.ReportAsync(ReportScope.ForEvent(FirstMeeting));

        var page = await factory.AdminClient().PageAsync(Url);

        var method = page.Section("method");
        method.QuerySelectorAll("p").First().Text().ShouldStartWith("Fördelningarna räknar de som deltog");
        var notes = method.QuerySelectorAll("dl.notes dd").Select(dd => dd.Text()).ToList();
        foreach (var code in new[] { "sector", "profession", "organisation", "municipality", "role" })
            notes.ShouldContain(report.Dimension(code)!.Note);
    }

    [Fact]
    public async Task Shows_a_suppressed_cell_as_less_than_five_with_a_tooltip()
    {
        var page = await factory.AdminClient().PageAsync(Url);

        var suppressed = page.Section("sector-title").QuerySelectorAll("tr.suppressed abbr.suppressed");
        suppressed.ShouldNotBeEmpty();
        suppressed.ShouldAllBe(a => a.TextContent == "<5" && a.GetAttribute("title")!.StartsWith("Färre än 5 personer"));
    }

    [Fact]
    public async Task Links_the_excel_and_csv_downloads_and_each_charts_png()
    {
        var client = factory.AdminClient();
        var page = await client.PageAsync(Url);

        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain($"/export/event/{FirstMeeting}.xlsx");
        links.ShouldContain($"/export/event/{FirstMeeting}.csv");
        var png = page.Section("profession-title").QuerySelector("figure.chart a[download]")!.GetAttribute("href")!;
        png.ShouldBe($"{Url}?handler=png&diagram=profession");
        await client.PngAsync(png);
    }

    [Fact]
    public async Task Names_categories_and_headings_in_english_when_asked()
    {
        var page = await factory.AdminClient().PageAsync($"{Url}?culture=en-GB");

        page.KeyFigure("Registered").ShouldBe("64");
        page.Section("sector-title").QuerySelector("h3")!.Text().ShouldBe("Sector");
        var rows = page.Section("sector-title").QuerySelector("table")!.Rows();
        rows.Keys.ShouldContain("Municipality");
        rows.Keys.ShouldContain("Central government");
        page.Section("role-title").QuerySelector("table")!.Rows().Keys.ShouldContain("Participant");
        page.Section("sector-title").QuerySelector("svg")!.TextContent.ShouldContain("Municipality");
    }

    [Fact]
    public async Task Says_that_a_list_without_attendance_counts_registrations()
    {
        var page = await factory.AdminClient().PageAsync("/evenemang/2026-04-08-tjanstedesign-i-praktiken");

        page.KeyFigure("Deltog").ShouldBe("–");
        page.QuerySelectorAll(".key-figures p.method").Select(p => p.Text()).ShouldContain("Listan saknar närvaro, så fördelningarna bygger på anmälningar.");
    }

    [Fact]
    public async Task Answers_an_unknown_event_with_a_swedish_not_found_page()
    {
        var response = await factory.AdminClient().GetAsync("/evenemang/finns-inte");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Sidan finns inte");
    }
}
