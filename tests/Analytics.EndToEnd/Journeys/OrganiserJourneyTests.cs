using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Core.Events;
using Analytics.EndToEnd.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Journeys;

/// <summary>
/// An organiser's evening after a meetup: log in, upload the Meetup list of their own event, say what an answer the
/// system does not know means, confirm, see the event's report once the job has counted the list, and download it as
/// Excel. The event is made by the test, so the sample data other tests read stays as it is.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class OrganiserJourneyTests(LiveSite site, ITestOutputHelper output)
{
    // An answer of this journey alone: the mapping is kept as a synonym, and other tests rely on their own answers being unknown.
    private const string UnknownSector = "Rymdbranschen";
    private const int People = 8;

    [Fact]
    public async Task Uploads_a_Meetup_list_maps_an_unknown_answer_confirms_and_downloads_the_updated_report()
    {
        var (slug, title, startsUtc) = await EventOfTheOrganiserAsync();
        var email = $"arrangor-{Guid.NewGuid():N}"[..20] + "@test.invalid";
        var password = Analytics.Web.Accounts.DemoAccounts.NewPassword();
        await site.CreateAccountAsync(email, SiteRole.Organiser, password);

        await site.CheckAsync("/konto/logga-in", "organiser-journey", output, async page =>
        {
            // 1. Log in with the keyboard: type, Tab to the password, Enter to send.
            await page.Locator("#epost").FocusAsync();
            await page.Keyboard.TypeAsync(email);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(password);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            // The session is the organiser's: their menu, without the admin's pages.
            var menu = await page.Locator("nav.site-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            menu.ShouldContain("/import");
            menu.ShouldNotContain("/admin/konton");

            // 2. Upload the event's Meetup list from the menu's import page.
            await page.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
            await page.GetByLabel("Evenemang", new() { Exact = true }).SelectOptionAsync(slug);
            await page.Locator("#file").SetInputFilesAsync(new FilePayload
            {
                Name = $"{slug}.tsv", MimeType = "text/tab-separated-values", Buffer = Encoding.UTF8.GetBytes(MeetupList(startsUtc)),
            });
            await Shot(page, "/resor/arrangor.1-uppladdning");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp och förhandsgranska" }).ClickAsync();
            await page.WaitForURLAsync("**/import/granska/**");

            // 3. The preview asks what the unknown sector means: it is business (näringsliv).
            await page.Locator("#unmapped").WaitForAsync();
            await Shot(page, "/resor/arrangor.2-forhandsgranskning");
            var question = page.GetByLabel(new Regex($"”{UnknownSector}”"));
            await question.SelectOptionAsync("naringsliv");
            await page.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och importera" }).ClickAsync();

            // 4. The status page refreshes itself until the import job is done, then shows the batch.
            await page.WaitForURLAsync("**/import/batch/**", new() { Timeout = 60_000 });
            await Shot(page, "/resor/arrangor.3-importerad");

            // 5. The event's report counts the list once the recompute job has run: reload until it does.
            await page.GotoAsync($"/evenemang/{slug}");
            var registered = page.Locator("dl div:has(> dt:text-is('Anmälda')) > dd");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await registered.CountAsync() == 0 || (await registered.InnerTextAsync()).Trim() != People.ToString(CultureInfo.InvariantCulture))
                && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                await page.ReloadAsync();
            }
            (await registered.InnerTextAsync()).Trim().ShouldBe(People.ToString(CultureInfo.InvariantCulture), "the report counts the uploaded list");
            (await page.Locator("h1").InnerTextAsync()).ShouldContain(title);
            await Shot(page, "/resor/arrangor.4-rapport");

            // 6. The same report as an Excel workbook.
            var workbook = await Downloads.ClickAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner som Excel" }));
            Downloads.AssertWorkbook(workbook, "Sammanfattning", "Sektor", "Yrke");
        }, role: SiteRole.Anonymous);

        var mapped = await site.QueryAsync(db => db.Participations.Where(p => db.Events.Any(e => e.Id == p.EventId && e.Slug == slug))
            .GroupBy(p => p.SectorCode).Select(g => new { Sector = g.Key, Count = g.Count() }).ToListAsync());
        mapped.Sum(m => m.Count).ShouldBe(People);
        mapped.Single(m => m.Sector == "naringsliv").Count.ShouldBe(2, $"the two answers “{UnknownSector}” count as business");
    }

    /// <summary>A held event, three days ago by the app's clock, hosted by the organiser's organisation and without participants yet.</summary>
    private async Task<(string Slug, string Title, DateTime StartsUtc)> EventOfTheOrganiserAsync()
    {
        var now = site.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var starts = now.AddDays(-3).Date.AddHours(16);
        var slug = $"{starts:yyyy-MM-dd}-arrangorsresan-{Guid.NewGuid():N}"[..36];
        const string title = "Arrangörsresan";
        await site.QueryAsync(async db =>
        {
            db.Events.Add(new Event
            {
                Slug = slug, Title = title, StartsAtUtc = starts, EndsAtUtc = starts.AddHours(2), FormatCode = "traff", MunicipalityCode = "1480",
                Hosts = [new EventHost { OrganisationId = site.OrganiserOrganisation }],
            });
            return await db.SaveChangesAsync();
        });
        return (slug, title, starts);
    }

    /// <summary>A Meetup attendee list as Meetup exports it (tab-separated, US dates), with two answers no synonym knows.</summary>
    private static string MeetupList(DateTime startsUtc)
    {
        var rsvp = startsUtc.AddDays(-10).ToString("M/d/yyyy H:mm", CultureInfo.InvariantCulture);
        var joined = startsUtc.AddDays(-30).ToString("M/d/yyyy", CultureInfo.InvariantCulture);
        var list = new StringBuilder("Name\tUser ID\tTitle\tEvent Host\tRSVP\tGuests\tRSVPed on\tJoined Group on\tURL of Member Profile\t"
            + "Vilken sektor arbetar du inom?\tVilken är din yrkesroll?\tVilken organisation kommer du från?\tI vilken kommun arbetar du?\t"
            + "Vilken roll har du på träffen?\tJag samtycker till att mina svar används för anonym statistik\n");
        string[] sectors = ["Kommun", "Kommun", "Region", UnknownSector, "Kommun", "Region", UnknownSector, "Kommun"];
        string[] organisations = ["Göteborgs Stad", "Göteborgs Stad", "Västra Götalandsregionen", "Göteborgs Stad", "Göteborgs Stad",
            "Västra Götalandsregionen", "Göteborgs Stad", "Göteborgs Stad"];
        for (var i = 0; i < People; i++)
        {
            var id = 97_100_000 + Random.Shared.Next(1_000) * 10 + i;
            list.Append($"Testperson {i + 1}\tuser {id}\t\tNo\tYes\t0\t{rsvp}\t{joined}\thttps://www.meetup.com/members/{id}/\t"
                + $"{sectors[i]}\tDesign / UX\t{organisations[i]}\tGöteborg\tDeltagare\tJa\n");
        }
        return list.ToString();
    }

    private async Task Shot(IPage page, string name) => output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, name)}");
}
