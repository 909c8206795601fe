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
    /// The events that pass the filter, newest first (<paramref name="take"/> of them from the <paramref name="skip"/>th),
    /// in one query, with their hosts and their snapshots read in one more each.
    /// </summary>
    public static async Task<IReadOnlyList<EventSummary>> ListAsync(AnalyticsDbContext db, ReportReader reports, EventFilter filter,
        DateTime nowUtc, CancellationToken cancellationToken, int skip = 0, int take = int.MaxValue)
    {
        var events = await filter.Apply(db.Events.AsNoTracking()).OrderByDescending(e => e.StartsAtUtc).ThenBy(e => e.Slug).Skip(skip).Take(take)
            .Select(e => new { e.Id, e.Slug, e.Title, e.StartsAtUtc, e.FormatCode, e.MunicipalityCode, e.Online })
            .ToListAsync(cancellationToken);
        var hosts = await HostNamesAsync(db, [.. events.Select(e => e.Id)], cancellationToken);
        // A line shows only the headcounts, so only the payloads' heads are read.
        var protectedReports = await reports.ReadHeadlinesAsync(ReportScope.EventKind, [.. events.Select(e => e.Slug)], [], cancellationToken);
        return [.. events.Select(e => new EventSummary(e.Slug, e.Title, Quarter.ToStockholm(e.StartsAtUtc), e.FormatCode, e.MunicipalityCode,
            e.Online, hosts.GetValueOrDefault(e.Id, []), e.StartsAtUtc > nowUtc, protectedReports.GetValueOrDefault(e.Slug)))];
    }

    /// <summary>
    /// The host organisations' names of the given events, sorted, by event id. Asked of the host table by event id
    /// rather than through the events' navigation: for that, EF writes a join of every host with its organisation as a
    /// subquery, which SQLite builds whole on each request (16–20 ms at 20,000 events) before picking the few it needs.
    /// </summary>
    public static async Task<Dictionary<int, IReadOnlyList<string>>> HostNamesAsync(AnalyticsDbContext db, IReadOnlyCollection<int> eventIds,
        CancellationToken cancellationToken)
    {
        var hosts = await db.EventHosts.AsNoTracking().Where(h => eventIds.Contains(h.EventId))
            .Select(h => new { h.EventId, h.Organisation!.Name }).ToListAsync(cancellationToken);
        return hosts.GroupBy(h => h.EventId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(h => h.Name).Order()]);
    }
}
