using System.Collections.Concurrent;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Core.Disclosure;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Pages.Shared;

/// <summary>
/// The period a page reads: one quarter with events (?kvartal=2026Q3) or all time (?kvartal=alla). Without a choice it is
/// the latest quarter with held events, as on the overview, so the pages agree on "now".
/// </summary>
public sealed record ReportPeriod(Quarter? Quarter, IReadOnlyList<Quarter> Quarters)
{
    public const string AllTimeKey = "alla";

    public ReportScope Scope => Quarter is { } quarter ? ReportScope.ForQuarter(quarter) : ReportScope.AllTime;

    /// <summary>
    /// The period's protected report. A quarter is a filtered view of all time, which the same page also offers, so it is
    /// shown only where it and the rest of all time each hold at least k people or none (<see cref="FilteredView"/>).
    /// </summary>
    public async Task<FilteredReport?> ReadAsync(ReportReader reports, CancellationToken cancellationToken) =>
        Quarter is null
            ? await reports.ReadAsync(Scope, cancellationToken) is { } all ? new FilteredReport(all, null) : null
            : await reports.ReadWithinAsync(Scope, ReportScope.AllTime, cancellationToken);

    /// <summary>The value of ?kvartal= that asks for this period.</summary>
    public string Key => Quarter?.ToString() ?? AllTimeKey;

    /// <summary>Null when there are no events at all.</summary>
    public static async Task<ReportPeriod?> ChooseAsync(AnalyticsDbContext db, string? asked, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var quarters = await QuartersWithEventsAsync(db, cancellationToken);
        if (quarters.Count == 0) return null;
        if (string.Equals(asked, AllTimeKey, StringComparison.OrdinalIgnoreCase)) return new ReportPeriod(null, quarters);
        if (Core.Events.Quarter.TryParse(asked, out var quarter) && quarters.Contains(quarter)) return new ReportPeriod(quarter, quarters);
        var lastHeld = await db.Events.Where(e => e.StartsAtUtc <= nowUtc).OrderByDescending(e => e.StartsAtUtc)
            .Select(e => (DateTime?)e.StartsAtUtc).FirstOrDefaultAsync(cancellationToken);
        return new ReportPeriod(lastHeld is { } held ? Core.Events.Quarter.Containing(held) : quarters[0], quarters);
    }

    /// <summary>
    /// Every quarter with at least one event, held or planned, latest first: the list every quarter picker offers. Asked
    /// of the database quarter by quarter, an index seek each, rather than by reading every event's start time: at a
    /// million participations that was 20,000 rows on every request of every page with a picker.
    /// </summary>
    public static async Task<IReadOnlyList<Quarter>> QuartersWithEventsAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        if (await SpanAsync(db, cancellationToken) is not { } span) return [];
        var (earliest, latest) = span;
        var quarters = new List<Quarter>();
        var anyEventBetween = AnyEventBetween.GetOrAdd(db.GetType(), _ => CompileAnyEventBetween());
        for (var quarter = latest; quarter.CompareTo(earliest) >= 0; quarter = quarter.Previous)
        {
            if (await anyEventBetween(db, quarter.StartUtc, quarter.EndUtc)) quarters.Add(quarter);
        }
        return quarters;
    }

    /// <summary>
    /// Compiled once: the pickers ask this a dozen times per request, and EF's per-query preparation cost more than the seek.
    /// Once per context type, that is per provider: a compiled query is bound to the model it first ran on and refuses any
    /// other, so one shared across providers failed every page with a picker on the second provider a process opened.
    /// </summary>
    private static readonly ConcurrentDictionary<Type, Func<AnalyticsDbContext, DateTime, DateTime, Task<bool>>> AnyEventBetween = new();

    private static Func<AnalyticsDbContext, DateTime, DateTime, Task<bool>> CompileAnyEventBetween() =>
        EF.CompileAsyncQuery((AnalyticsDbContext db, DateTime start, DateTime end) => db.Events.Any(e => e.StartsAtUtc >= start && e.StartsAtUtc < end));

    /// <summary>
    /// The quarters of the first and the last event, held or planned; null when there are none. Two index seeks, for a page
    /// that needs only the ends of the range, not every quarter in it.
    /// </summary>
    public static async Task<(Quarter First, Quarter Last)?> SpanAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        var first = await db.Events.OrderBy(e => e.StartsAtUtc).Select(e => (DateTime?)e.StartsAtUtc).FirstOrDefaultAsync(cancellationToken);
        var last = await db.Events.OrderByDescending(e => e.StartsAtUtc).Select(e => (DateTime?)e.StartsAtUtc).FirstOrDefaultAsync(cancellationToken);
        return first is { } f && last is { } l ? (Core.Events.Quarter.Containing(f), Core.Events.Quarter.Containing(l)) : null;
    }
}
