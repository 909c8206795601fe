using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Reporting.Snapshots;

namespace Analytics.Reporting.Exports;

/// <summary>What an event is, as an export names it: nothing here counts people.</summary>
public sealed record EventFacts(string Slug, string Title, DateTime StartsAtUtc, string FormatCode, string? MunicipalityCode, bool Online,
    IReadOnlyList<string> Hosts);

/// <summary>Which data a report was computed from, and when; Stale when newer data waits for a recompute.</summary>
public sealed record ExportStamp(long DataVersion, DateTime ComputedAtUtc, bool Stale);

/// <summary>Everything the event report workbook shows: the event and its protected report.</summary>
public sealed record EventExport(EventFacts Event, ProtectedReport Report, ExportStamp Stamp);

/// <summary>
/// Everything the quarterly steering pack shows: the quarter's protected report, the quarters before it (oldest first,
/// ending with this one), and each of its events with its own protected headcounts and sector breakdown (null where none
/// is computed yet).
/// </summary>
public sealed record QuarterExport(Quarter Quarter, ProtectedReport Report, ExportStamp Stamp, IReadOnlyList<QuarterReport> Trend,
    IReadOnlyList<EventLine> Events);

/// <summary>
/// One event of a quarter and its protected report as the pack's table of events needs it: the participants and the
/// sector breakdown only (ReportReader.ReadHeadlinesAsync), not its other dimensions, subsets, reach or balance.
/// </summary>
public sealed record EventLine(EventFacts Event, ProtectedReport? Report);
