using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Reporting.Charts;
using Analytics.Reporting.Snapshots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Events;

/// <summary>Evenemangsrapport: one event's mix, protected, with the sector chart and its table.</summary>
public sealed class ReportModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Event Event { get; private set; } = null!;
    public DateTime StartsLocal { get; private set; }
    public string Place { get; private set; } = "";
    public IReadOnlyList<string> Hosts { get; private set; } = [];
    public bool Planned { get; private set; }
    public PublishedReport? Report { get; private set; }
    public string? SectorChart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var ev = await db.Events.AsNoTracking().Include(e => e.Hosts).ThenInclude(h => h.Organisation)
            .SingleOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (ev is null) return NotFound();

        Event = ev;
        StartsLocal = Quarter.ToStockholm(ev.StartsAtUtc);
        Place = ev.Online && ev.MunicipalityCode is null ? "Online"
            : Taxonomy.Find(Municipalities.All, ev.MunicipalityCode)?.NameSv ?? ev.MunicipalityCode ?? "–";
        Hosts = ev.Hosts.Select(h => h.Organisation!.Name).Order().ToList();
        Planned = ev.StartsAtUtc > clock.GetUtcNow().UtcDateTime;
        Report = await reports.ReadAsync(ReportScope.ForEvent(slug), cancellationToken);
        if (Report?.Report.Dimension("sector") is { Withheld: false, Cells.Count: > 0 } sectors)
            SectorChart = BreakdownChart.Svg(sectors, localizer["Antal personer"]);
        return Page();
    }
}
