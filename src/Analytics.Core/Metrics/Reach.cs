using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Analytics.Core.Metrics;

/// <summary>
/// One participation as reach sees it: which event and when, who (pseudonymous key, if any), and the consented profile.
/// </summary>
public sealed record ReachRow(
    int EventId, DateTime StartsAtUtc, string? AttendeeKey, int? OrganisationId, string? SectorCode, string? MunicipalityCode);

/// <summary>How many organisations host one event.</summary>
public sealed record EventHosts(int EventId, int HostCount);

/// <summary>How far a set of events reaches across organisations, sectors and municipalities, and who comes back.</summary>
public static class Reach
{
    /// <summary>How many sectors an event needs present to count as cross-sector.</summary>
    public const int CrossSectorMinimum = 3;

    /// <summary>Distinct organisations among the rows.</summary>
    public static int DistinctOrganisations(IEnumerable<ReachRow> rows) =>
        rows.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId).Distinct().Count();

    /// <summary>Distinct sectors among the rows.</summary>
    public static int DistinctSectors(IEnumerable<ReachRow> rows) =>
        rows.Where(r => r.SectorCode is not null).Select(r => r.SectorCode).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Distinct municipalities among the rows.</summary>
    public static int DistinctMunicipalities(IEnumerable<ReachRow> rows) =>
        rows.Where(r => r.MunicipalityCode is not null).Select(r => r.MunicipalityCode).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Distinct attendee keys among the rows; anonymous headcount rows have none.</summary>
    public static int DistinctAttendees(IEnumerable<ReachRow> rows) =>
        rows.Where(r => r.AttendeeKey is not null).Select(r => r.AttendeeKey).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// Organisations in scope seen for the first time there: no row of the organisation in history belongs to an event that
    /// started before its first event in scope. For a quarter this is "first seen this quarter, never in an earlier one".
    /// History may include the scope's own rows.
    /// </summary>
    public static int NewOrganisations(IEnumerable<ReachRow> scope, IEnumerable<ReachRow> history)
    {
        var firstInHistory = EarliestStart(history.Where(r => r.OrganisationId is not null), r => r.OrganisationId!.Value);
        return EarliestStart(scope.Where(r => r.OrganisationId is not null), r => r.OrganisationId!.Value)
            .Count(first => !firstInHistory.TryGetValue(first.Key, out var earlier) || earlier >= first.Value);
    }

    /// <summary>
    /// Attendees in scope who had been to an earlier event: their key appears, in scope or history, at an event that
    /// started before their last event in scope.
    /// </summary>
    public static int ReturningAttendees(IEnumerable<ReachRow> scope, IEnumerable<ReachRow> history)
    {
        // One pass each, keeping per key the earliest start seen and the latest in scope: all time at a million
        // participations has hundreds of thousands of attendees, and grouping their rows cost seconds of a recompute.
        var seen = new Dictionary<string, (DateTime First, DateTime LastInScope)>(StringComparer.Ordinal);
        foreach (var row in scope)
        {
            if (row.AttendeeKey is null) continue;
            ref var span = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, row.AttendeeKey, out var exists);
            span = exists ? (Min(span.First, row.StartsAtUtc), Max(span.LastInScope, row.StartsAtUtc)) : (row.StartsAtUtc, row.StartsAtUtc);
        }
        foreach (var row in history)
        {
            if (row.AttendeeKey is null) continue;
            ref var span = ref CollectionsMarshal.GetValueRefOrNullRef(seen, row.AttendeeKey);
            if (!Unsafe.IsNullRef(ref span)) span.First = Min(span.First, row.StartsAtUtc);
        }
        var returning = 0;
        foreach (var (first, last) in seen.Values)
            if (first < last) returning++;
        return returning;
    }

    /// <summary>
    /// Share of the given events with at least <see cref="CrossSectorMinimum"/> sectors among their rows; an event
    /// without rows has none. Null when there are no events.
    /// </summary>
    public static double? ShareOfCrossSectorEvents(IEnumerable<ReachRow> rows, IReadOnlyCollection<int> eventIds)
    {
        var sectorsPerEvent = rows.Where(r => r.SectorCode is not null)
            .GroupBy(r => r.EventId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.SectorCode).Distinct(StringComparer.Ordinal).Count());
        var events = eventIds.Distinct().ToList();
        return Proportions.Share(events.Count(id => sectorsPerEvent.GetValueOrDefault(id) >= CrossSectorMinimum), events.Count);
    }

    /// <summary>Share of events hosted by two or more organisations; null when there are no events.</summary>
    public static double? ShareOfCoHostedEvents(IReadOnlyCollection<EventHosts> events) =>
        Proportions.Share(events.Count(e => e.HostCount >= 2), events.Count);

    private static Dictionary<TKey, DateTime> EarliestStart<TKey>(IEnumerable<ReachRow> rows, Func<ReachRow, TKey> key)
        where TKey : notnull
    {
        var earliest = new Dictionary<TKey, DateTime>();
        foreach (var row in rows)
        {
            ref var start = ref CollectionsMarshal.GetValueRefOrAddDefault(earliest, key(row), out var exists);
            start = exists ? Min(start, row.StartsAtUtc) : row.StartsAtUtc;
        }
        return earliest;
    }

    private static DateTime Min(DateTime a, DateTime b) => a <= b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a >= b ? a : b;
}
