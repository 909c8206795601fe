using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Web.Tests.Pages.Shared;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages.Events;

[Collection(WebCollection.Name)]
public sealed class IndexTests(AnalyticsWebFactory factory)
{
    private const string FirstMeeting = "Första mötet: One Team Gov Västsverige";

    private async Task<List<Event>> EventsAsync(Func<IQueryable<Event>, IQueryable<Event>> filter)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        return await filter(db.Events.AsNoTracking().Include(e => e.Hosts).ThenInclude(h => h.Organisation)).ToListAsync();
    }

    private static List<IElement> Rows(IDocument page) => [.. page.QuerySelectorAll("table.events tbody tr")];

    private static string Title(IElement row) => row.QuerySelector("th a")!.Text();

    /// <summary>
    /// Every row of the list at <paramref name="url"/>, following its "next page" links as a reader would. The test site
    /// lists 10 events a page (Pages:EventsPerPage), so the 35 sample events make four pages.
    /// </summary>
    private async Task<List<IElement>> AllRowsAsync(string url)
    {
        var client = factory.AdminClient();
        var rows = new List<IElement>();
        for (string? next = url; next is not null;)
        {
            var page = await client.PageAsync(next);
            Rows(page).Count.ShouldBeInRange(1, 10);
            rows.AddRange(Rows(page));
            next = page.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
            rows.Count.ShouldBeLessThan(1000, "the next links must end");
        }
        return rows;
    }

    private static string Column(IElement row, string label) => row.QuerySelector($"td[data-label='{label}']")!.Text();

    [Fact]
    public async Task Lists_every_event_with_its_own_protected_headcounts()
    {
        var all = await EventsAsync(e => e);

        var page = await factory.AdminClient().PageAsync("/evenemang");
        var rows = await AllRowsAsync("/evenemang");

        rows.Select(Title).ShouldBe(all.Select(e => e.Title), ignoreOrder: true);
        var first = rows.Single(r => Title(r) == FirstMeeting);
        Column(first, "Anmälda").ShouldBe("64");
        Column(first, "Deltog").ShouldBe("48");
        Column(first, "Format").ShouldBe("Nätverksmöte");
        Column(first, "Plats").ShouldBe("Göteborg");
        page.QuerySelector("table.events tfoot").ShouldBeNull("a total over a filtered list is not shown");
    }

    [Fact]
    public async Task Filters_by_quarter_in_the_query_string_so_the_view_can_be_bookmarked()
    {
        var spring = new Quarter(2026, 2);
        var expected = await EventsAsync(e => e.Where(x => x.StartsAtUtc >= spring.StartUtc && x.StartsAtUtc < spring.EndUtc));

        var page = await factory.AdminClient().PageAsync("/evenemang?kvartal=2026Q2");

        (await AllRowsAsync("/evenemang?kvartal=2026Q2")).Select(Title).ShouldBe(expected.Select(e => e.Title), ignoreOrder: true);
        page.QuerySelector("#kvartal option[selected]")!.GetAttribute("value").ShouldBe("2026Q2");
        page.QuerySelector("p.result-count")!.Text().ShouldStartWith($"{expected.Count} evenemang");
    }

    [Fact]
    public async Task Combines_format_and_municipality_filters()
    {
        var expected = await EventsAsync(e => e.Where(x => x.FormatCode == "natverksmote" && x.MunicipalityCode == "1480"));

        var rows = await AllRowsAsync("/evenemang?format=natverksmote&kommun=1480");

        expected.ShouldNotBeEmpty();
        rows.Select(Title).ShouldBe(expected.Select(e => e.Title), ignoreOrder: true);
        rows.ShouldAllBe(r => Column(r, "Format") == "Nätverksmöte" && Column(r, "Plats") == "Göteborg");
    }

    [Fact]
    public async Task Filters_by_host_including_co_hosted_events()
    {
        var hosted = await EventsAsync(e => e.Where(x => x.Hosts.Any(h => h.Organisation!.Name == "Borås Stad")));
        var host = hosted[0].Hosts.Single(h => h.Organisation!.Name == "Borås Stad").OrganisationId;

        var page = await factory.AdminClient().PageAsync($"/evenemang?vard={host}");
        var rows = await AllRowsAsync($"/evenemang?vard={host}");

        rows.Select(Title).ShouldBe(hosted.Select(e => e.Title), ignoreOrder: true);
        rows.ShouldAllBe(r => Column(r, "Värdar").Contains("Borås Stad"));
        page.QuerySelector("#vard option[selected]")!.Text().ShouldBe("Borås Stad");
    }

    [Fact]
    public async Task Filters_events_held_online()
    {
        var online = await EventsAsync(e => e.Where(x => x.Online && x.MunicipalityCode == null));

        var rows = await AllRowsAsync("/evenemang?kommun=online");

        rows.Select(Title).ShouldBe(online.Select(e => e.Title), ignoreOrder: true);
        rows.ShouldAllBe(r => Column(r, "Plats") == "Online");
    }

    [Fact]
    public async Task Explains_each_filter_value_it_cannot_use_and_lists_without_it()
    {
        var all = await EventsAsync(e => e);

        var response = await factory.AdminClient().GetAsync("/evenemang?kvartal=2026Q9&vard=abc&format=dans&kommun=9999");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        page.QuerySelectorAll(".error-summary li").Select(li => li.Text()).ShouldBe(
        [
            "”2026Q9” är inget kvartal; skriv till exempel 2026Q1 eller välj ett i listan.",
            "Det finns ingen värd med nummer ”abc”; välj en i listan.",
            "”dans” är inget evenemangsformat; välj ett i listan.",
            "”9999” är ingen kommunkod; välj en kommun i listan.",
        ]);
        foreach (var field in new[] { "kvartal", "vard", "format", "kommun" })
        {
            page.GetElementById(field)!.GetAttribute("aria-invalid").ShouldBe("true");
            page.GetElementById(field)!.GetAttribute("aria-describedby").ShouldBe($"{field}-error");
        }
        page.QuerySelector("p.result-count")!.Text().ShouldStartWith($"{all.Count} evenemang");
    }

    [Fact]
    public async Task Uses_the_valid_filters_when_another_is_wrong()
    {
        var expected = await EventsAsync(e => e.Where(x => x.FormatCode == "workshop"));

        var page = await factory.AdminClient().PageAsync("/evenemang?format=workshop&kvartal=varen");

        (await AllRowsAsync("/evenemang?format=workshop&kvartal=varen")).Select(Title).ShouldBe(expected.Select(e => e.Title), ignoreOrder: true);
        page.QuerySelectorAll(".error-summary li").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Shows_a_long_list_a_page_at_a_time_newest_first_with_links_that_keep_the_filters()
    {
        var all = await EventsAsync(e => e.OrderByDescending(x => x.StartsAtUtc).ThenBy(x => x.Slug));
        var autumn = new Quarter(2026, 4);
        var inAutumn = all.Where(e => e.StartsAtUtc >= autumn.StartUtc && e.StartsAtUtc < autumn.EndUtc).ToList();
        inAutumn.Count.ShouldBeInRange(11, 20, "the sample data's autumn quarter makes two pages");
        var client = factory.AdminClient();

        var first = await client.PageAsync("/evenemang");
        Rows(first).Select(Title).ShouldBe(all.Take(10).Select(e => e.Title));
        first.QuerySelector("p.result-count")!.Text().Trim().ShouldBe($"{all.Count} evenemang; visar 1–10, sida 1 av 4");
        first.QuerySelectorAll("nav.pager a").Select(a => (a.Text(), a.GetAttribute("href"))).ShouldBe(
            [("Nästa sida", "/evenemang?sida=2"), ("Sista sidan", "/evenemang?sida=4")]);
        first.QuerySelector("nav.pager [aria-current=page]")!.Text().ShouldBe("Sida 1 av 4");

        var third = await client.PageAsync("/evenemang?sida=3");
        Rows(third).Select(Title).ShouldBe(all.Skip(20).Take(10).Select(e => e.Title));
        third.QuerySelectorAll("nav.pager a").Select(a => a.GetAttribute("href")).ShouldBe(
            ["/evenemang", "/evenemang?sida=2", "/evenemang?sida=4", "/evenemang?sida=4"]);
        third.QuerySelector("nav.pager a[rel=prev]")!.Text().ShouldBe("Föregående sida");

        var filtered = await client.PageAsync("/evenemang?kvartal=2026Q4&sida=2");
        Rows(filtered).Select(Title).ShouldBe(inAutumn.Skip(10).Select(e => e.Title));
        filtered.QuerySelector("p.result-count")!.Text().Trim().ShouldBe($"{inAutumn.Count} evenemang; visar 11–{inAutumn.Count}, sida 2 av 2");
        filtered.QuerySelectorAll("nav.pager a").Select(a => a.GetAttribute("href")).ShouldBe(["/evenemang?kvartal=2026Q4", "/evenemang?kvartal=2026Q4"]);
        var one = await client.PageAsync("/evenemang?kvartal=2026Q4&format=workshop");
        one.QuerySelector("nav.pager").ShouldBeNull("a list of one page has no links to pages");
    }

    [Fact]
    public async Task Shows_the_last_page_for_a_page_past_the_end_and_explains_a_page_that_is_no_number()
    {
        var all = await EventsAsync(e => e.OrderByDescending(x => x.StartsAtUtc).ThenBy(x => x.Slug));
        var client = factory.AdminClient();

        var past = await client.PageAsync("/evenemang?sida=40");
        Rows(past).Select(Title).ShouldBe(all.Skip(30).Select(e => e.Title));
        past.QuerySelector(".error-summary").ShouldBeNull();

        var wrong = await client.PageAsync("/evenemang?sida=tva");
        wrong.QuerySelectorAll(".error-summary a").Select(a => (a.Text(), a.GetAttribute("href"))).ShouldBe(
            [("”tva” är inget sidnummer; listan visas från första sidan.", "#sida")]);
        wrong.GetElementById("sida")!.Text().ShouldContain("sida 1 av 4");
        Rows(wrong).Select(Title).ShouldBe(all.Take(10).Select(e => e.Title));
    }

    [Theory]
    [InlineData("9")]
    [InlineData("501")]
    [InlineData("femtio")]
    public void Refuses_a_page_size_outside_10_to_500_with_one_sentence(string size)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pages:EventsPerPage"] = size }).Build();

        Should.Throw<Analytics.Data.Configuration.ConfigurationProblem>(() => Analytics.Web.Pages.Events.EventListSettings.From(configuration))
            .Message.ShouldBe($"Pages:EventsPerPage är ”{size}”; ange ett heltal från 10 till 500.");
    }

    [Fact]
    public void Lists_50_events_a_page_unless_configured()
    {
        var empty = new ConfigurationBuilder().Build();
        Analytics.Web.Pages.Events.EventListSettings.From(empty).PageSize.ShouldBe(50);
    }

    [Fact]
    public async Task Names_formats_and_places_in_english_when_asked()
    {
        var page = await factory.AdminClient().PageAsync("/evenemang?culture=en-GB&kommun=online");

        page.QuerySelector("h1")!.Text().ShouldBe("Events");
        Rows(page).ShouldAllBe(r => Column(r, "Place") == "Online");
        page.QuerySelectorAll("#format option").Select(o => o.Text()).ShouldContain("Network meeting");
    }
}
