using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Web.Tests.Pages.Shared;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
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

    private static string Column(IElement row, string label) => row.QuerySelector($"td[data-label='{label}']")!.Text();

    [Fact]
    public async Task Lists_every_event_with_its_own_protected_headcounts()
    {
        var all = await EventsAsync(e => e);

        var page = await factory.AdminClient().PageAsync("/evenemang");

        Rows(page).Count.ShouldBe(all.Count);
        var first = Rows(page).Single(r => Title(r) == FirstMeeting);
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

        Rows(page).Select(Title).ShouldBe(expected.Select(e => e.Title), ignoreOrder: true);
        page.QuerySelector("#kvartal option[selected]")!.GetAttribute("value").ShouldBe("2026Q2");
        page.QuerySelector("p.result-count")!.Text().ShouldBe($"{expected.Count} evenemang");
    }

    [Fact]
    public async Task Combines_format_and_municipality_filters()
    {
        var expected = await EventsAsync(e => e.Where(x => x.FormatCode == "natverksmote" && x.MunicipalityCode == "1480"));

        var page = await factory.AdminClient().PageAsync("/evenemang?format=natverksmote&kommun=1480");

        expected.ShouldNotBeEmpty();
        Rows(page).Select(Title).ShouldBe(expected.Select(e => e.Title), ignoreOrder: true);
        Rows(page).ShouldAllBe(r => Column(r, "Format") == "Nätverksmöte" && Column(r, "Plats") == "Göteborg");
    }

    [Fact]
    public async Task Filters_by_host_including_co_hosted_events()
    {
        var hosted = await EventsAsync(e => e.Where(x => x.Hosts.Any(h => h.Organisation!.Name == "Borås Stad")));
        var host = hosted[0].Hosts.Single(h => h.Organisation!.Name == "Borås Stad").OrganisationId;

        var page = await factory.AdminClient().PageAsync($"/evenemang?vard={host}");

        Rows(page).Select(Title).ShouldBe(hosted.Select(e => e.Title), ignoreOrder: true);
        Rows(page).ShouldAllBe(r => Column(r, "Värdar").Contains("Borås Stad"));
        page.QuerySelector("#vard option[selected]")!.Text().ShouldBe("Borås Stad");
    }

    [Fact]
    public async Task Filters_events_held_online()
    {
        var online = await EventsAsync(e => e.Where(x => x.Online && x.MunicipalityCode == null));

        var page = await factory.AdminClient().PageAsync("/evenemang?kommun=online");

        Rows(page).Select(Title).ShouldBe(online.Select(e => e.Title), ignoreOrder: true);
        Rows(page).ShouldAllBe(r => Column(r, "Plats") == "Online");
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
        Rows(page).Count.ShouldBe(all.Count);
    }

    [Fact]
    public async Task Uses_the_valid_filters_when_another_is_wrong()
    {
        var expected = await EventsAsync(e => e.Where(x => x.FormatCode == "workshop"));

        var page = await factory.AdminClient().PageAsync("/evenemang?format=workshop&kvartal=varen");

        Rows(page).Select(Title).ShouldBe(expected.Select(e => e.Title), ignoreOrder: true);
        page.QuerySelectorAll(".error-summary li").Count().ShouldBe(1);
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
