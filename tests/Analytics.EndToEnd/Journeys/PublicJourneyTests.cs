using System.Text.Json;
using Analytics.EndToEnd.Site;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Journeys;

/// <summary>
/// Anyone, logged out: the open data and its three downloads, then the accessibility statement and the page about the
/// data, reached from the footer with the keyboard.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class PublicJourneyTests(LiveSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task Downloads_the_open_data_and_reads_the_accessibility_statement_and_about_the_data()
    {
        await site.CheckAsync("/oppna-data", "public-journey", output, async page =>
        {
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Öppna data");
            await Shot(page, "/resor/allmanheten.1-oppna-data");

            var csv = await File.ReadAllLinesAsync(await Downloads.ClickAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Alla kvartal som CSV" })));
            csv.Length.ShouldBeGreaterThan(1, "a header and at least one quarter");
            var json = await File.ReadAllTextAsync(await Downloads.ClickAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Alla kvartal som JSON" })));
            using (var document = JsonDocument.Parse(json)) document.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
            Downloads.AssertWorkbook(await Downloads.ClickAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Alla kvartal som Excel" })));

            // The footer's links, followed with the keyboard.
            await page.Locator("footer a[href='/tillganglighet']").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/tillganglighet");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Tillgänglighet för OTG Analytics");
            // What Digg's model statement holds: the status, how to report a problem, and the supervising authority.
            foreach (var heading in new[] { "Hur tillgänglig är webbplatsen?", "Rapportera brister i webbplatsens tillgänglighet", "Tillsyn" })
                (await page.GetByRole(AriaRole.Heading, new() { Name = heading }).CountAsync()).ShouldBe(1, heading);
            await Shot(page, "/resor/allmanheten.2-tillganglighet");

            await page.Locator("footer a[href='/om-datan']").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/om-datan");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Om datan");
            (await page.GetByRole(AriaRole.Heading, new() { Name = "Samtycke" }).CountAsync()).ShouldBe(1);
            await Shot(page, "/resor/allmanheten.3-om-datan");
        }, role: SiteRole.Anonymous);
    }

    private async Task Shot(IPage page, string name) => output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, name)}");
}
