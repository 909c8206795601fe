using System.Globalization;
using Analytics.Core.Reports;
using Analytics.Web.Pages.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Tests.Pages.Shared;

/// <summary>The speakers-against-audience chart is built by one builder, and the event page, the overview and the quarterly report draw it alike.</summary>
[Collection(WebCollection.Name)]
public sealed class ComparisonChartsTests(AnalyticsWebFactory factory)
{
    private const string FirstMeeting = AnalyticsWebFactory.EventOfA;

    [Fact]
    public async Task The_builder_draws_speakers_against_the_audience_when_both_are_shown_and_nothing_otherwise()
    {
        var report = await factory.ReportAsync(ReportScope.ForQuarter(new Analytics.Core.Events.Quarter(2026, 4)));
        using var scope = factory.Services.CreateScope();
        var localizer = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var names = scope.ServiceProvider.GetRequiredService<CategoryNames>();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");

        var chart = ComparisonCharts.SpeakersAndAudience(report, "sector", localizer, names).ShouldNotBeNull();

        chart.Title.ShouldBe("Talare och publik per sektor");
        chart.Description.ShouldStartWith("Talare: ");
        ComparisonCharts.Of(report, "sector", "Talare", null, "Publik", report.Dimension("sector"), "t", localizer, names).ShouldBeNull();
    }

    [Theory]
    [InlineData("/evenemang/" + FirstMeeting, "event:" + FirstMeeting)]
    [InlineData("/", "quarter:2026Q4")]
    [InlineData("/kvartal/2026Q4", "quarter:2026Q4")]
    public async Task Every_page_with_speakers_and_audience_draws_the_chart_once_where_both_are_shown(string url, string scope)
    {
        var report = await factory.ReportAsync(scope.StartsWith("event:", StringComparison.Ordinal)
            ? ReportScope.ForEvent(scope["event:".Length..])
            : ReportScope.ForQuarter(Analytics.Core.Events.Quarter.TryParse(scope["quarter:".Length..], out var q) ? q : throw new ArgumentException(scope)));
        var shown = report.Subset(Subset.Speakers)?.Dimensions.GetValueOrDefault("sector") is { Withheld: false, Cells.Count: > 0 }
            && report.Subset(Subset.Audience)?.Dimensions.GetValueOrDefault("sector") is { Withheld: false, Cells.Count: > 0 };
        var client = factory.AdminClient();

        var page = await client.PageAsync(url);

        var charts = page.QuerySelectorAll("svg#talare-sector-chart");
        charts.Length.ShouldBe(shown ? 1 : 0);
        if (!shown) return;
        charts[0].QuerySelector("title")!.TextContent.ShouldBe("Talare och publik per sektor");
        await client.PngAsync(page.Section("talare-sector-title").QuerySelector("figure.chart a[download]")!.GetAttribute("href")!);
    }
}
