using System.Globalization;

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

    /// <summary>Every event the organisation hosted or co-hosted, keyed by its id, which outlives a change of name.</summary>
    public static ReportScope ForHost(int organisationId) => new(HostKind, organisationId.ToString(CultureInfo.InvariantCulture));

    public static ReportScope AllTime { get; } = new(AllTimeKind, "all");

    /// <summary>The organisation of a host scope, or null for any other scope.</summary>
    public int? HostOrganisationId() =>
        Kind == HostKind && int.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
