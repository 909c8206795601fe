using Analytics.Core.Events;
using Analytics.Core.Participations;
using Analytics.EndToEnd.Site;
using Analytics.Jobs.Forecast;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>
/// Pages in states that no fixed address in <see cref="SitePages"/> reaches, each seen by the role that meets it: a planned
/// event's report with its forecast, the check-in screen and a closed check-in, the organiser's own import batch, and the
/// refusal an organiser meets on an admin page. (Logged out, an unknown address leads to the login page, which
/// <see cref="RoleTests"/> checks.)
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class PageStateTests(LiveSite site, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<string> _made = [];

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>The events a test made go again, and what they fed is recomputed: other checks see the sample as it was.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_made.Count == 0) return;
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Analytics.Data.AnalyticsDbContext>();
        await db.Events.Where(e => _made.Contains(e.Slug)).ExecuteDeleteAsync();
        await db.ReportSnapshots.Where(s => s.ScopeKind == Analytics.Core.Reports.ReportScope.EventKind && _made.Contains(s.ScopeKey)).ExecuteDeleteAsync();
        // Written around SaveChanges, so the site's kept page data is told (see Revision).
        await Analytics.Data.Revision.Reports.RenewAsync(db);
        await scope.ServiceProvider.GetRequiredService<Analytics.Reporting.Snapshots.ReportRecomputer>().RecomputeAsync(all: false);
    }

    [Theory]
    [InlineData(SiteRole.Organiser)]
    [InlineData(SiteRole.Steering)]
    public async Task A_planned_events_report_with_its_forecast_and_its_check_in_screen(SiteRole role)
    {
        var slug = await PlannedEventWithForecastAsync();

        await site.CheckAsync($"/evenemang/{slug}", "planned", output, async page =>
        {
            (await page.Locator("section.forecast h2").InnerTextAsync()).ShouldBe("Prognos");
            (await page.Locator("section.forecast table").CountAsync()).ShouldBeGreaterThan(0, "the forecast shows its expected mix at the door");
            await AllChecks.AssertAsync(page, output, $"/evenemang/planerat.{Name(role)}");
        }, role: role);
        await site.CheckAsync($"/checka-in/{slug}/skarm", "screen", output, page =>
            AllChecks.AssertAsync(page, output, $"/checka-in/skarm.{Name(role)}"), role: role);
    }

    [Theory]
    [InlineData(SiteRole.Anonymous)]
    [InlineData(SiteRole.Organiser)]
    public Task A_closed_check_in_says_when_it_opens(SiteRole role) =>
        site.CheckAsync($"/checka-in/{LiveSite.EventOfOrganiser}", "closed", output, async page =>
        {
            (await page.Locator("#closed").InnerTextAsync()).ShouldStartWith("Incheckningen är stängd.");
            await AllChecks.AssertAsync(page, output, $"/checka-in/stangd.{Name(role)}");
        }, role: role);

    [Fact]
    public async Task The_organisers_own_import_batch()
    {
        var batch = await site.QueryAsync(db => db.ImportBatches.Where(b => db.Events.Any(e => e.Id == b.EventId && e.Slug == LiveSite.EventOfOrganiser))
            .OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());

        await site.CheckAsync($"/import/batch/{batch}", "batch", output, page =>
            AllChecks.AssertAsync(page, output, "/import/batch.organiser"), role: SiteRole.Organiser);
    }

    [Fact]
    public Task The_refusal_an_organiser_meets_on_an_admin_page() =>
        site.CheckAsync("/admin/konton", "forbidden", output, page => AllChecks.AssertAsync(page, output, "/nekad.organiser"),
            status: 403, role: SiteRole.Organiser);

    /// <summary>
    /// An event of the organiser's organisation ten days ahead by the app's clock, with registrations, and a forecast
    /// version trained by the job the weekly schedule runs (as the steering journey builds its pack).
    /// </summary>
    private async Task<string> PlannedEventWithForecastAsync()
    {
        var now = site.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var starts = now.AddDays(10).Date.AddHours(15);
        var slug = $"{starts:yyyy-MM-dd}-planerat-{Guid.NewGuid():N}"[..30];
        _made.Add(slug);
        await site.QueryAsync(async db =>
        {
            var ev = new Event
            {
                Slug = slug, Title = "Planerat nätverksmöte", StartsAtUtc = starts, EndsAtUtc = starts.AddHours(2), FormatCode = "natverksmote",
                MunicipalityCode = "1480", Hosts = [new EventHost { OrganisationId = site.OrganiserOrganisation }],
            };
            string[] sectors = ["kommun", "region", "stat", "akademi"];
            ev.Participations.AddRange(Enumerable.Range(1, 24).Select(i => new Participation
            {
                SourceKey = $"planerad:{i}", AttendeeKey = $"planerad{i}", RoleCode = "deltagare", Channel = "meetup", Rsvp = Rsvp.Yes,
                RsvpAtUtc = now.AddDays(-i % 7), HasProfile = true, SectorCode = sectors[i % sectors.Length], ProfessionCode = "ledning",
                MunicipalityCode = "1480", RecordKey = i / 30.0,
            }));
            db.Events.Add(ev);
            return await db.SaveChangesAsync();
        });
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TrainForecastJob>().RunAsync(CancellationToken.None);
        return slug;
    }

    private static string Name(SiteRole role) => role.ToString().ToLowerInvariant();
}
