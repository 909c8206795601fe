namespace Analytics.Core.Reports;

/// <summary>What a report covers: one event, one quarter, one host organisation, or all time.</summary>
public sealed record ReportScope(string Kind, string Key)
{
    public const string EventKind = "event";
    public const string QuarterKind = "quarter";
    public const string HostKind = "host";
    public const string AllTimeKind = "all";

    public static ReportScope ForEvent(string slug) => new(EventKind, slug);
    public static ReportScope ForQuarter(Events.Quarter quarter) => new(QuarterKind, quarter.ToString());
    public static ReportScope AllTime { get; } = new(AllTimeKind, "all");
}
