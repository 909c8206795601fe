using Analytics.Core.Disclosure;

namespace Analytics.Web.Pages.Shared;

/// <summary>One protected breakdown as a table, optionally with its chart beside it.</summary>
public sealed record BreakdownView(string Id, string Title, ProtectedBreakdown? Breakdown, ProtectedReport Report, string? ChartSvg = null);
