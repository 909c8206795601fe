using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Jobs;
using Analytics.Reporting.Snapshots;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages.CheckIn;

/// <summary>What the check-in and withdrawal page tests share: an event open for check-in now, and forms posted as a browser does.</summary>
internal static partial class CheckInPages
{
    /// <summary>
    /// A new event starting now by the app's own clock, so its check-in is open. Its check-ins name no organisation, so
    /// the organisation figures other tests compare in this quarter stay as they are; <see cref="TestEvents"/> removes it
    /// after the test, so the sample's 35 events are what other tests count.
    /// </summary>
    public static async Task<string> OpenEventAsync(AnalyticsWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Slugs begin with the event's date, as the sample's do.
        var slug = $"{now:yyyy-MM-dd}-incheckningstest-{Guid.NewGuid():N}"[..40];
        db.Events.Add(new Event { Slug = slug, Title = "Incheckningstest", StartsAtUtc = now.AddMinutes(-10), EndsAtUtc = now.AddHours(2), FormatCode = "traff" });
        await db.SaveChangesAsync();
        return slug;
    }

    public static async Task<T> QueryAsync<T>(AnalyticsWebFactory factory, Func<AnalyticsDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>());
    }

    public static Task<int> ParticipationsAsync(AnalyticsWebFactory factory, string slug) =>
        QueryAsync(factory, db => db.Participations.CountAsync(p => db.Events.Any(e => e.Id == p.EventId && e.Slug == slug)));

    /// <summary>Fills in the form on the page with the given fields, with its consent version and anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> CheckInAsync(HttpClient client, string slug, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync($"/checka-in/{slug}");
        var posted = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form),
            ["Form.ConsentVersion"] = ConsentVersion().Match(form).Groups[1].Value,
        };
        var response = await client.PostAsync($"/checka-in/{slug}", new FormUrlEncodedContent(posted));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response;
    }

    public static Dictionary<string, string> Consenting => new()
    {
        ["Form.Consent"] = "true", ["Form.Sector"] = "kommun", ["Form.Profession"] = "design-ux", ["Form.Municipality"] = "1480", ["Form.Role"] = "deltagare",
    };

    public static string? CodeOf(string receipt) => Code().Match(receipt) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"name=""Form.ConsentVersion"" value=""([^""]+)""")]
    private static partial Regex ConsentVersion();

    [GeneratedRegex(@"id=""withdrawal-code"">([0-9A-Z-]+)<")]
    private static partial Regex Code();
}

/// <summary>The events a test class made, removed with their check-ins, consents and snapshots after each test.</summary>
internal sealed class TestEvents(AnalyticsWebFactory factory)
{
    private readonly List<string> _slugs = [];

    public async Task<string> OpenAsync() => Made(await CheckInPages.OpenEventAsync(factory));

    /// <summary>An event the test made some other way, to be removed with the rest.</summary>
    public string Made(string slug)
    {
        _slugs.Add(slug);
        return slug;
    }

    /// <summary>
    /// Waits for the recompute jobs the test's check-ins and withdrawals enqueued, so none writes after the clean-up; then
    /// removes the events and recomputes what they fed, so the quarter other tests read is the sample's again.
    /// </summary>
    public async Task RemoveAsync()
    {
        if (_slugs.Count == 0) return;
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && monitoring.EnqueuedCount(JobQueues.Reports) + monitoring.ProcessingCount() > 0)
            await Task.Delay(100);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        // Participations and consent records go with the event (cascade).
        await db.Events.Where(e => _slugs.Contains(e.Slug)).ExecuteDeleteAsync();
        await db.ReportSnapshots.Where(s => s.ScopeKind == ReportScope.EventKind && _slugs.Contains(s.ScopeKey)).ExecuteDeleteAsync();
        // Written around SaveChanges, so the site's kept page data is told (see Revision).
        await Revision.Reports.RenewAsync(db);
        await scope.ServiceProvider.GetRequiredService<ReportRecomputer>().RecomputeAsync(all: false);
    }
}
