namespace Analytics.Web.Tests.Pages.Shared;

[Collection(WebCollection.Name)]
public sealed class LayoutTests(AnalyticsWebFactory factory)
{
    [Fact]
    public async Task Offers_every_dashboard_page_in_one_menu_and_marks_the_current_one()
    {
        var page = await factory.AdminClient().PageAsync("/kvartal/2026Q3");

        var links = page.QuerySelectorAll("nav.site-nav a");
        links.Select(a => a.GetAttribute("href")).ShouldBe(
            ["/", "/evenemang", "/trender", "/kvartal", "/balans", "/rackvidd", "/principerna", "/oppna-data", "/paket", "/import", "/admin/konton", "/admin/logg", "/admin/samtycke", "/admin/lagring", "/admin/mal", "/admin/prognos"]);
        links.Where(a => a.GetAttribute("aria-current") == "page").Select(a => a.Text()).ShouldBe(["Kvartalsrapporter"]);
        page.QuerySelector("nav.site-nav")!.GetAttribute("aria-label").ShouldBe("Huvudmeny");
        page.QuerySelector("a.skip-link")!.GetAttribute("href").ShouldBe("#main");
    }

    [Fact]
    public async Task Explains_the_threshold_on_every_page()
    {
        var page = await factory.AdminClient().PageAsync("/trender");

        page.QuerySelector("footer p")!.Text().ShouldBe("Alla siffror är skyddade: grupper med färre än 5 personer visas som <5 och syns aldrig enskilt.");
    }

    /// <summary>The menu shows what the role opens; the server checks again, so this is for people, not for security.</summary>
    [Theory]
    [InlineData(TestAccount.Anonymous, new[] { "/oppna-data" })]
    [InlineData(TestAccount.OrganiserA, new[] { "/", "/evenemang", "/trender", "/kvartal", "/balans", "/rackvidd", "/principerna", "/oppna-data", "/import" })]
    [InlineData(TestAccount.Steering, new[] { "/", "/evenemang", "/trender", "/kvartal", "/balans", "/rackvidd", "/principerna", "/oppna-data", "/paket" })]
    public async Task Offers_each_role_the_pages_it_may_open(TestAccount account, string[] expected)
    {
        var page = await factory.Client(account).PageAsync("/oppna-data");

        page.QuerySelectorAll("nav.site-nav a").Select(a => a.GetAttribute("href")).ShouldBe(expected);
        page.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ShouldBe(["/om-datan", "/tillganglighet"]);
    }
}
