using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Pages.Shared;

/// <summary>One line of an events list: what, when, where, who hosted, and its protected headcounts.</summary>
public sealed record EventSummary(string Slug, string Title, DateTime StartsLocal, string Format, string Place, IReadOnlyList<string> Hosts,
    bool Planned, ProtectedReport? Report)
{
    public static async Task<IReadOnlyList<EventSummary>> ListAsync(AnalyticsDbContext db, ReportReader reports, Quarter? quarter,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        var query = db.Events.AsNoTracking();
        if (quarter is { } q) query = query.Where(e => e.StartsAtUtc >= q.StartUtc && e.StartsAtUtc < q.EndUtc);
        var events = await query.OrderByDescending(e => e.StartsAtUtc)
            .Select(e => new { e.Slug, e.Title, e.StartsAtUtc, e.FormatCode, e.MunicipalityCode, e.Online, Hosts = e.Hosts.Select(h => h.Organisation!.Name).ToList() })
            .ToListAsync(cancellationToken);
        var protectedReports = await reports.ReadManyAsync(ReportScope.EventKind, [.. events.Select(e => e.Slug)], cancellationToken);
        return events.Select(e => new EventSummary(e.Slug, e.Title, Quarter.ToStockholm(e.StartsAtUtc),
            Taxonomy.Find(Taxonomy.EventFormats, e.FormatCode)?.NameSv ?? e.FormatCode,
            e.Online && e.MunicipalityCode is null ? "Online" : Taxonomy.Find(Municipalities.All, e.MunicipalityCode)?.NameSv ?? e.MunicipalityCode ?? "–",
            e.Hosts, e.StartsAtUtc > nowUtc, protectedReports.GetValueOrDefault(e.Slug))).ToList();
    }
}
