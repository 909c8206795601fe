using Analytics.Core.Audit;
using Analytics.Core.Reports;
using Analytics.Core.Events;
using Analytics.EndToEnd.Accessibility;
using Analytics.EndToEnd.Site;
using Analytics.Reporting.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Journeys;

/// <summary>
/// An admin's round: add an organiser (who can then log in), decide the sector targets on the targets page (a wrong
/// sum first, which the form refuses and explains), find both in the audit log, and look at the job dashboard.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class AdminJourneyTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly Quarter Autumn = new(2026, 4);

    [Fact]
    public async Task Adds_an_organiser_changes_the_targets_finds_both_in_the_log_and_opens_the_job_dashboard()
    {
        var email = $"ny-arrangor-{Guid.NewGuid():N}"[..24] + "@test.invalid";
        var password = Analytics.Web.Accounts.DemoAccounts.NewPassword();

        await site.CheckAsync("/", "admin-journey", output, async page =>
        {
            var menu = page.Locator("nav.site-nav");

            // 1. A new organiser for the organisation of the sample's first meeting.
            await menu.GetByRole(AriaRole.Link, new() { Name = "Konton", Exact = true }).ClickAsync();
            await page.GetByLabel("E-postadress", new() { Exact = true }).FillAsync(email);
            await page.GetByLabel("Roll", new() { Exact = true }).SelectOptionAsync("Organiser");
            await page.GetByLabel("Värdorganisationer (för en arrangör)").SelectOptionAsync(site.OrganiserOrganisation.ToString());
            await page.GetByLabel("Första lösenord").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till kontot" }).ClickAsync();
            await page.Locator("#account-added").WaitForAsync();
            (await page.Locator("#accounts").InnerTextAsync()).ShouldContain(email);
            await Shot(page, "/resor/admin.1-konto");

            // 2. The sector targets, typed with the keyboard: first a sum of 90 %, which is refused.
            await menu.GetByRole(AriaRole.Link, new() { Name = "Målen", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/admin/mal");
            await TypeAsync(page, "#share-sector-kommun", "20");
            await page.Keyboard.PressAsync("Enter");
            var refusal = page.Locator("#targets-sector-refused");
            await refusal.WaitForAsync();
            (await refusal.InnerTextAsync()).ShouldContain("Andelarna för sektor blir tillsammans 90 %. De ska bli 100 % (±0,5).");
            (await page.Locator("#share-sector-kommun").InputValueAsync()).ShouldBe("20", "the typed value stays");
            (await site.QueryAsync(db => db.TargetMixes.SingleAsync(t => t.Dimension == "sector" && t.Code == "kommun"))).Share.ShouldBe(0.30, 1e-9);
            await AllChecks.AssertAsync(page, output, "/admin/mal.refused");
            await page.SetViewportSizeAsync(1280, 800);

            // Then the ten points moved to region: 100 % again, and saved.
            await TypeAsync(page, "#share-sector-region", "25");
            await page.Keyboard.PressAsync("Enter");
            await page.Locator("#targets-saved").WaitForAsync();
            await Shot(page, "/resor/admin.2-mal");
            var sector = await site.QueryAsync(db => db.TargetMixes.Where(t => t.Dimension == "sector").ToListAsync());
            sector.Single(t => t.Code == "kommun").Share.ShouldBe(0.20, 1e-9);
            sector.Single(t => t.Code == "region").Share.ShouldBe(0.25, 1e-9);
            sector.ShouldAllBe(t => !t.IsExample);

            // 3. The balance follows once the recompute the save enqueued has run.
            await BalanceTargetAsync("kommun", 0.20);
            await menu.GetByRole(AriaRole.Link, new() { Name = "Balans", Exact = true }).ClickAsync();
            (await page.Locator("tr:has(> th[scope=row]:text-is('Kommun'))").First.InnerTextAsync()).ShouldContain("20 %");

            // 4. Both changes in the audit log, newest first.
            await menu.GetByRole(AriaRole.Link, new() { Name = "Logg", Exact = true }).ClickAsync();
            var log = await page.Locator("#audit-log tbody").InnerTextAsync();
            log.ShouldContain(AuditActions.TargetsChanged);
            log.ShouldContain(AuditActions.UserCreated);
            (await page.Locator("#audit-log tbody tr").Filter(new() { HasText = AuditActions.TargetsChanged }).First.InnerTextAsync()).ShouldContain("sector");
            await Shot(page, "/resor/admin.3-logg");

            // 5. The Hangfire dashboard, behind the same admin login.
            var dashboard = await page.GotoAsync("/hangfire");
            (dashboard?.Status).ShouldBe(200);
            (await page.TitleAsync()).ShouldContain("Hangfire");
            (await page.Locator("body").InnerTextAsync()).ShouldContain("Hangfire");
            await Shot(page, "/resor/admin.4-hangfire");
        }, role: SiteRole.Admin);

        // The new organiser logs in with the first password.
        (await site.LogInAsync(email, password)).ShouldNotBeNullOrEmpty();
    }

    /// <summary>Selects what the field holds and types over it, as a person does with the keyboard.</summary>
    private static async Task TypeAsync(IPage page, string field, string text)
    {
        await page.Locator(field).FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
    }

    private async Task BalanceTargetAsync(string code, double target)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var scope = site.Services.CreateAsyncScope())
            {
                var report = await scope.ServiceProvider.GetRequiredService<ReportReader>().ReadAsync(ReportScope.ForQuarter(Autumn));
                var cell = report?.Report.BalanceOf("sector")?.Cells.SingleOrDefault(c => c.Code == code);
                if (cell is not null && Math.Abs(cell.Target - target) < 1e-9) return;
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"The balance of {Autumn} still has the target {cell?.Target} for {code} after 60 s.");
            }
            await Task.Delay(300);
        }
    }

    private async Task Shot(IPage page, string name) => output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, name)}");
}
