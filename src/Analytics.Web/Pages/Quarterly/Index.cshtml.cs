using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.Quarterly;

/// <summary>Kvartal: every quarter with events, newest first, with its own protected headcounts and its report.</summary>
public sealed class IndexModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Quarter Quarter, ProtectedReport? Report)> Quarters { get; private set; } = [];
    public Quarter Current { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = Quarter.Containing(clock.GetUtcNow().UtcDateTime);
        var quarters = await ReportPeriod.QuartersWithEventsAsync(db, cancellationToken);
        var stored = await reports.ReadManyAsync(ReportScope.QuarterKind, [.. quarters.Select(q => q.ToString())], cancellationToken);
        Quarters = [.. quarters.Select(q => (q, stored.GetValueOrDefault(q.ToString())))];
    }
}
