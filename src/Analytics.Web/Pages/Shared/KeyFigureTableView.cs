using Analytics.Core.Events;
using Analytics.Reporting.Snapshots;

namespace Analytics.Web.Pages.Shared;

/// <summary>The key figures of a quarter and the quarters before it as one table, with the change from the one before.</summary>
public sealed record KeyFigureTableView(string Id, string Caption, IReadOnlyList<QuarterReport> Trend, Quarter Shown)
{
    /// <summary>The quarter before the shown one, when it has a report.</summary>
    public QuarterReport? Previous => Trend.Count > 1 && Trend[^1].Quarter == Shown ? Trend[^2] : null;
}
