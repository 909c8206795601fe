using Analytics.Core.Consent;
using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Participations;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.EndToEnd.Accessibility;
using Analytics.EndToEnd.Site;
using Analytics.Reporting.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Journeys;

/// <summary>
/// The attendee's side in a real browser at a phone's size, logged out as attendees are: check in with consent, check in
/// without it on another phone (keys alone), then withdraw with the receipt's code (keys alone). After each step the database and the event's recomputed report are checked.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class AttendeeJourneyTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>The live app's services, to arrange the event and read the database behind the pages.</summary>
    private IServiceProvider Services => site.Services;

    [Fact]
    public async Task Check_in_with_consent_then_without_then_withdraw_with_the_code()
    {
        var slug = await EventStartingNowAsync(earlier: 6);

        // 1. A phone checks in with consent.
        string code = "";
        await site.CheckAsync($"/checka-in/{slug}", "consent", output, async page =>
        {
            await NoSidewaysScrollAsync(page);
            await page.GetByLabel("Jag samtycker").CheckAsync();
            await page.GetByLabel("Sektor", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Akademi" });
            await page.GetByLabel("Yrkesområde").SelectOptionAsync(new SelectOptionValue { Label = "Design och UX" });
            await page.GetByLabel("Organisation", new() { Exact = true }).FillAsync("Göteborgs Stad");
            await page.GetByLabel("Kommun där du arbetar").SelectOptionAsync(new SelectOptionValue { Label = "Göteborg" });
            await page.GetByLabel("Din roll i dag").SelectOptionAsync(new SelectOptionValue { Label = "Talare" });
            await page.GetByLabel("E-post eller Meetup-profil (frivilligt)").FillAsync("journey.person.e2e@example.se");
            await page.GetByRole(AriaRole.Button, new() { Name = "Checka in" }).ClickAsync();
            await page.GetByText("Tack, du är incheckad!").WaitForAsync();
            code = (await page.Locator("#withdrawal-code").TextContentAsync())!.Trim();
            await NoSidewaysScrollAsync(page);
        }, Phone, role: SiteRole.Anonymous);

        code.ShouldMatch("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$");
        var first = (await CheckInsAsync(slug)).ShouldHaveSingleItem();
        (first.HasProfile, first.SectorCode, first.ProfessionCode, first.MunicipalityCode, first.RoleCode, first.Attendance)
            .ShouldBe((true, "akademi", "design-ux", "1480", "talare", Attendance.Attended));
        var consent = await QueryAsync(db => db.ConsentRecords.SingleAsync(c => c.AttendeeKey == first.AttendeeKey));
        (consent.WithdrawalCodeHash, consent.Channel, consent.WithdrawnAtUtc).ShouldBe((WithdrawalCode.Hash(code), "check-in", (DateTime?)null));
        var report = await RecomputedAsync(slug, attended: 7);
        report.Participants.WithProfile.ShouldBe(7);

        // 2. Another phone checks in without consent, with keys alone (a keyboard paired to a phone, or switch access):
        // Tab to the sector, type its name, Tab to the button, Enter. A headcount, nothing else.
        await site.CheckAsync($"/checka-in/{slug}", "no-consent", output, async page =>
        {
            var sector = page.GetByLabel("Sektor", new() { Exact = true });
            await KeyboardTests.TabToAsync(page, $"#{await sector.GetAttributeAsync("id")}");
            await page.Keyboard.TypeAsync("Region");
            (await sector.EvaluateAsync<string>("s => s.options[s.selectedIndex].text")).ShouldBe("Region");
            await KeyboardTests.TabToAsync(page, "button[type=submit]");
            (await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()")).ShouldBe("Checka in");
            await page.Keyboard.PressAsync("Enter");
            await page.GetByText("Du räknas i antalet deltagare. Inga svar om dig sparades.").WaitForAsync();
            (await page.Locator("#withdrawal-code").CountAsync()).ShouldBe(0);
        }, Phone, role: SiteRole.Anonymous);

        var rows = await CheckInsAsync(slug);
        rows.Count.ShouldBe(2);
        (rows[1].HasProfile, rows[1].SectorCode, rows[1].AttendeeKey).ShouldBe((false, (string?)null, (string?)null));
        report = await RecomputedAsync(slug, attended: 8);
        report.Participants.WithProfile.ShouldBe(7);

        // 3. The first attendee withdraws with the code from the receipt.
        await site.CheckAsync("/aterkalla", "withdraw", output, async page =>
        {
            await NoSidewaysScrollAsync(page);
            // With keys alone: Tab to the field, type the code, Enter sends the form.
            var field = page.GetByLabel("Kod, e-post eller Meetup-profil");
            await KeyboardTests.TabToAsync(page, $"#{await field.GetAttributeAsync("id")}");
            await page.Keyboard.TypeAsync(code);
            await page.Keyboard.PressAsync("Enter");
            await page.GetByText("Tack, vi har tagit emot det.").WaitForAsync();
        }, Phone, role: SiteRole.Anonymous);

        var withdrawn = (await CheckInsAsync(slug))[0];
        (withdrawn.HasProfile, withdrawn.SectorCode, withdrawn.ProfessionCode, withdrawn.OrganisationId, withdrawn.MunicipalityCode)
            .ShouldBe((false, (string?)null, (string?)null, (int?)null, (string?)null));
        (await QueryAsync(db => db.ConsentRecords.SingleAsync(c => c.Id == consent.Id))).WithdrawnAtUtc.ShouldNotBeNull();
        report = await RecomputedAsync(slug, attended: 8, withProfile: 6);
        report.Participants.WithProfile.ShouldBe(6, "the withdrawn answers are gone from the report; the visit still counts");
    }

    [Fact]
    public async Task The_check_in_form_its_receipt_and_the_withdrawal_page_pass_every_accessibility_check_on_a_phone()
    {
        var slug = await EventStartingNowAsync(earlier: 0);
        await site.CheckAsync($"/checka-in/{slug}", "form", output, page => AllChecks.AssertAsync(page, output, "/checka-in.form"), Phone,
            role: SiteRole.Anonymous);
        await site.CheckAsync($"/checka-in/{slug}", "receipt", output, async page =>
        {
            await page.GetByLabel("Jag samtycker").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Checka in" }).ClickAsync();
            await page.Locator("#withdrawal-code").WaitForAsync();
            await AllChecks.AssertAsync(page, output, "/checka-in.receipt");
        }, Phone, role: SiteRole.Anonymous);
        await site.CheckAsync("/aterkalla", "withdrawal", output, page => AllChecks.AssertAsync(page, output, "/aterkalla"), Phone,
            role: SiteRole.Anonymous);
    }

    /// <summary>
    /// An event starting now by the app's clock, so its check-in is open, with <paramref name="earlier"/> consenting
    /// attendees already recorded: enough that the report shows its headcounts instead of "&lt;5".
    /// </summary>
    private async Task<string> EventStartingNowAsync(int earlier)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var slug = $"resan-{Guid.NewGuid():N}"[..24];
        var ev = new Event { Slug = slug, Title = "Deltagarresan", StartsAtUtc = now.AddMinutes(-15), EndsAtUtc = now.AddHours(2), FormatCode = "traff", MunicipalityCode = "1480" };
        ev.Participations.AddRange(Enumerable.Range(1, earlier).Select(i => new Participation
        {
            SourceKey = $"tidigare:{i}", AttendeeKey = $"tidigare{i}", RoleCode = "deltagare", Channel = "meetup", Rsvp = Rsvp.Yes,
            Attendance = Attendance.Attended, HasProfile = true, SectorCode = "kommun", ProfessionCode = "ledning", MunicipalityCode = "1480",
            RecordKey = i / 10.0,
        }));
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        return slug;
    }

    private async Task<T> QueryAsync<T>(Func<AnalyticsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>());
    }

    private Task<List<Participation>> CheckInsAsync(string slug) =>
        QueryAsync(db => db.Participations.AsNoTracking().Where(p => p.Channel == "check-in" && db.Events.Any(e => e.Id == p.EventId && e.Slug == slug))
            .OrderBy(p => p.Id).ToListAsync());

    /// <summary>The event's report once the job the page enqueued has recomputed it: fresh, with the expected headcount.</summary>
    private async Task<ProtectedReport> RecomputedAsync(string slug, int attended, int? withProfile = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var scope = Services.CreateAsyncScope())
            {
                var published = await scope.ServiceProvider.GetRequiredService<ReportReader>().ReadAsync(ReportScope.ForEvent(slug));
                if (published is { Stale: false } && published.Report.Participants.Attended == attended
                    && (withProfile is null || published.Report.Participants.WithProfile == withProfile))
                    return published.Report;
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"The report of {slug} was not recomputed to {attended} attended within 30 s " +
                        $"(stale: {published?.Stale}, attended: {published?.Report.Participants.Attended}).");
            }
            await Task.Delay(200);
        }
    }

    private static async Task NoSidewaysScrollAsync(IPage page) =>
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
            .ShouldBeTrue("the page fits a phone's width without scrolling sideways");
}
