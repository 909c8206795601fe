using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Reporting.Charts;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages;

/// <summary>Översikt: the latest quarter with held events, or the quarter asked for in ?kvartal=2026Q2.</summary>
public sealed class IndexModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Quarter? Quarter { get; private set; }
    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];
    public PublishedReport? Report { get; private set; }
    public IReadOnlyList<EventSummary> Events { get; private set; } = [];
    public string? SectorChart { get; private set; }

    public async Task OnGetAsync(string? kvartal, CancellationToken cancellationToken)
    {
        var starts = await db.Events.Select(e => e.StartsAtUtc).ToListAsync(cancellationToken);
        Quarters = starts.Select(Core.Events.Quarter.Containing).Distinct().OrderDescending().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        Quarter = Core.Events.Quarter.TryParse(kvartal, out var asked) && Quarters.Contains(asked) ? asked
            : starts.Where(s => s <= now).Select(Core.Events.Quarter.Containing).DefaultIfEmpty().Max() is { Year: > 0 } latest ? latest
            : Quarters.FirstOrDefault() is { Year: > 0 } first ? first : null;
        if (Quarter is not { } quarter) return;

        Report = await reports.ReadAsync(ReportScope.ForQuarter(quarter), cancellationToken);
        if (Report?.Report.Dimension("sector") is { Withheld: false, Cells.Count: > 0 } sectors)
            SectorChart = BreakdownChart.Svg(sectors, localizer["Antal personer"]);
        Events = await EventSummary.ListAsync(db, reports, quarter, now, cancellationToken);
    }
}
