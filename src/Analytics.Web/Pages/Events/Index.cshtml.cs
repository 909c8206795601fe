using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.Events;

/// <summary>Evenemang: every event, newest first.</summary>
public sealed class IndexModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EventSummary> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Events = await EventSummary.ListAsync(db, reports, null, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
