using System.Globalization;
using Analytics.Core.Reports;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Tests.Pages.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages.Principles;

[Collection(WebCollection.Name)]
public sealed class CitizensFigureTests(AnalyticsWebFactory factory)
{
    [Fact]
    public async Task Principle_five_shows_the_protected_citizens_cell_as_it_is()
    {
        using var scope = factory.Services.CreateScope();
        var report = (await scope.ServiceProvider.GetRequiredService<ReportReader>().ReadAsync(ReportScope.AllTime)).ShouldNotBeNull().Report;
        var cell = report.Dimension("sector")!.Cells.FirstOrDefault(c => c.Code == "medborgare");

        var page = await factory.AdminClient().PageAsync("/principerna");

        var figures = page.Section("p5").QuerySelectorAll(".key-figures dl > div")
            .ToDictionary(d => d.QuerySelector("dt")!.Text(), d => d.QuerySelector("dd")!.Text());
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        // The cell's own count, "<5" when it is suppressed, and a dash when the breakdown has no cell: never a made-up 0.
        figures["Medborgare och invånare"].ShouldBe(cell is null ? "–" : cell.Count?.ToString("N0", sv) ?? report.Show(null));
        figures["Andel av dem med profil"].ShouldBe(cell?.Share?.ToString("P0", sv) ?? "–");
    }
}
