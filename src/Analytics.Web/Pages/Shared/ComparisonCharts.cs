using System.Globalization;
using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using Analytics.Reporting.Charts;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Shared;

/// <summary>
/// The charts that set two groups side by side, built in one place for every page that shows them (the overview, the
/// quarterly report, the event report), so the same comparison reads the same everywhere.
/// </summary>
public static class ComparisonCharts
{
    /// <summary>Speakers against the audience in one dimension; null unless both breakdowns are shown.</summary>
    public static Chart? SpeakersAndAudience(ProtectedReport report, string code, IStringLocalizer localizer, CategoryNames names) =>
        Of(report, code, localizer["Talare"], report.Subset(Subset.Speakers)?.Dimensions.GetValueOrDefault(code),
            localizer["Publik"], report.Subset(Subset.Audience)?.Dimensions.GetValueOrDefault(code),
            localizer["Talare och publik per {0}", CategoryNames.DimensionName(code).ToLower(CultureInfo.CurrentCulture)], localizer, names);

    /// <summary>Two groups' breakdowns of one dimension as shares; null unless both are shown.</summary>
    public static Chart? Of(ProtectedReport report, string code, string firstName, ProtectedBreakdown? first, string secondName,
        ProtectedBreakdown? second, string title, IStringLocalizer localizer, CategoryNames names) =>
        first is { Withheld: false, Cells.Count: > 0 } a && second is { Withheld: false, Cells.Count: > 0 } b
            ? ComparisonChart.Of(new ComparedGroup(firstName, a), new ComparedGroup(secondName, b), title, localizer["Andel"], report.Show(null),
                CultureInfo.CurrentCulture, names.For(code))
            : null;
}
