using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Pages.Shared;

/// <summary>Which events a list shows: any combination of quarter, host organisation, format and municipality.</summary>
public sealed record EventFilter(Quarter? Quarter = null, int? HostId = null, string? Format = null, string? Municipality = null)
{
    /// <summary>The municipality filter value for events held online only.</summary>
    public const string Online = "online";

    public IQueryable<Event> Apply(IQueryable<Event> events)
    {
        if (Quarter is { } q) events = events.Where(e => e.StartsAtUtc >= q.StartUtc && e.StartsAtUtc < q.EndUtc);
        if (HostId is { } host) events = events.Where(e => e.Hosts.Any(h => h.OrganisationId == host));
        if (Format is { } format) events = events.Where(e => e.FormatCode == format);
        if (Municipality == Online) events = events.Where(e => e.Online && e.MunicipalityCode == null);
        else if (Municipality is { } municipality) events = events.Where(e => e.MunicipalityCode == municipality);
        return events;
    }
}

/// <summary>One line of an events list: what, when, where, who hosted, and the event's own protected headcounts.</summary>
public sealed record EventSummary(string Slug, string Title, DateTime StartsLocal, string FormatCode, string? MunicipalityCode, bool Online,
    IReadOnlyList<string> Hosts, bool Planned, ProtectedReport? Report)
{
    public bool OnlineOnly => Online && MunicipalityCode is null;

    /// <summary>
    /// The events that pass the filter, newest first (only the <paramref name="latest"/> newest when given), in one query,
    /// with their snapshots read in one more.
    /// </summary>
    public static async Task<IReadOnlyList<EventSummary>> ListAsync(AnalyticsDbContext db, ReportReader reports, EventFilter filter,
        DateTime nowUtc, CancellationToken cancellationToken, int? latest = null)
    {
        var ordered = filter.Apply(db.Events.AsNoTracking()).OrderByDescending(e => e.StartsAtUtc).ThenBy(e => e.Slug);
        var events = await (latest is { } n ? ordered.Take(n) : ordered)
            .Select(e => new { e.Slug, e.Title, e.StartsAtUtc, e.FormatCode, e.MunicipalityCode, e.Online, Hosts = e.Hosts.Select(h => h.Organisation!.Name).ToList() })
            .ToListAsync(cancellationToken);
        var protectedReports = await reports.ReadManyAsync(ReportScope.EventKind, [.. events.Select(e => e.Slug)], cancellationToken);
        return [.. events.Select(e => new EventSummary(e.Slug, e.Title, Quarter.ToStockholm(e.StartsAtUtc), e.FormatCode, e.MunicipalityCode,
            e.Online, [.. e.Hosts.Order()], e.StartsAtUtc > nowUtc, protectedReports.GetValueOrDefault(e.Slug)))];
    }
}
