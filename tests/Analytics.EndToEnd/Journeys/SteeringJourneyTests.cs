using Analytics.Core.Events;
using Analytics.EndToEnd.Site;
using Analytics.Jobs.Reports;
using Analytics.Reporting.Exports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Journeys;

/// <summary>
/// The steering group before a meeting: the trends, last quarter's report (and its workbook), and the quarter's pack
/// from the generated packs. The pack is built by the quarter's own job first when the live site has none yet, as the
/// recurring job does when a quarter ends.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class SteeringJourneyTests(LiveSite site, ITestOutputHelper output)
{
    /// <summary>A quarter of the sample that has ended, with events.</summary>
    private static readonly Quarter Summer = new(2026, 3);

    [Fact]
    public async Task Opens_the_trends_and_a_quarterly_report_and_downloads_the_pack()
    {
        await PackOfTheQuarterAsync();

        await site.CheckAsync("/", "steering-journey", output, async page =>
        {
            var menu = page.Locator("nav.site-nav");
            await menu.GetByRole(AriaRole.Link, new() { Name = "Trender", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/trender");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Trender");
            (await page.Locator("main svg, main table").CountAsync()).ShouldBeGreaterThan(0, "the trends show charts and tables");
            await Shot(page, "/resor/styrgrupp.1-trender");

            await menu.GetByRole(AriaRole.Link, new() { Name = "Kvartalsrapporter", Exact = true }).ClickAsync();
            // Keyboard: focus the quarter's link and follow it with Enter.
            await page.Locator($"a[href='/kvartal/{Summer}']").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync($"**/kvartal/{Summer}");
            (await page.Locator("h1").InnerTextAsync()).ShouldContain(Summer.Label());
            await Shot(page, "/resor/styrgrupp.2-kvartal");
            var quarterWorkbook = await Downloads.ClickAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner som Excel" }));
            Downloads.AssertWorkbook(quarterWorkbook, "Sammanfattning");

            await menu.GetByRole(AriaRole.Link, new() { Name = "Paket", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/paket");
            await Shot(page, "/resor/styrgrupp.3-paket");
            var pack = await Downloads.ClickAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"Paketet för {Summer.Label()} (xlsx)" }));
            Downloads.AssertWorkbook(pack, "Sammanfattning", "Trender", "Balans", "Evenemang");
        }, role: SiteRole.Steering);
    }

    private async Task PackOfTheQuarterAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var packs = await scope.ServiceProvider.GetRequiredService<SteeringPackStore>().ListAsync();
        if (packs.Any(p => p.QuarterKey == Summer.ToString())) return;
        await scope.ServiceProvider.GetRequiredService<BuildSteeringPackJob>().RunAsync(Summer.ToString(), CancellationToken.None);
    }

    private async Task Shot(IPage page, string name) => output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, name)}");
}
