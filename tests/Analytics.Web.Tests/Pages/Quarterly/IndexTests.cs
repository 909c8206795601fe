using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Web.Tests.Pages.Shared;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages.Quarterly;

[Collection(WebCollection.Name)]
public sealed class IndexTests(AnalyticsWebFactory factory)
{
    [Fact]
    public async Task Lists_each_quarter_with_its_own_protected_headcounts_and_downloads()
    {
        var q3 = await factory.ReportAsync(ReportScope.ForQuarter(new Quarter(2026, 3)));

        var page = await factory.AdminClient().PageAsync("/kvartal");

        var row = page.QuerySelectorAll("table.quarters tbody tr").Single(tr => tr.QuerySelector("th")!.Text().StartsWith("Kvartal 3 2026"));
        row.QuerySelector("th a")!.GetAttribute("href").ShouldBe("/kvartal/2026Q3");
        var cells = row.QuerySelectorAll("td").Select(td => td.Text()).ToList();
        cells[0].ShouldBe(q3.Events!.Value.ToString(Swedish));
        cells[1].ShouldBe(Count(q3.Participants.Registered, q3, Swedish));
        row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain("/export/quarter/2026Q3.xlsx");
        row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain("/export/quarter/2026Q3.csv");
    }
}
