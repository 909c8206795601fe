using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Pages.Principles;

/// <summary>
/// Principerna: what the product measures, principle by principle of the seven One Team Gov principles, with the
/// network's figures over all time where one applies. Figures come from the protected all-time snapshot; the events
/// catalogue (how many held, planned and in which formats) is not about people and is read as it is.
/// </summary>
public sealed class IndexModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock, DisclosureControl disclosure) : PageModel
{
    public int K => disclosure.K;
    public PublishedReport? Report { get; private set; }
    public int HeldEvents { get; private set; }
    public int PlannedEvents { get; private set; }
    public int Formats { get; private set; }

    /// <summary>Citizens and residents, the sector principle 5 is about: its cell in the all-time sector breakdown.</summary>
    public ProtectedCell? Citizens => Report?.Report.Dimension("sector")?.Cells.FirstOrDefault(c => c.Code == "medborgare");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = await db.Events.AsNoTracking().Select(e => new { e.StartsAtUtc, e.FormatCode }).ToListAsync(cancellationToken);
        HeldEvents = events.Count(e => e.StartsAtUtc <= now);
        PlannedEvents = events.Count - HeldEvents;
        Formats = events.Select(e => e.FormatCode).Distinct(StringComparer.Ordinal).Count();
        Report = await reports.ReadAsync(ReportScope.AllTime, cancellationToken);
    }
}
