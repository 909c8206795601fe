using System.Xml.Linq;
using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Reporting.Snapshots;

namespace Analytics.Reporting.Tests.Charts;

/// <summary>Protected figures to draw, and ways to read what a chart drew.</summary>
internal static class ChartFixtures
{
    /// <summary>Näringsliv, Civilsamhälle and Övrigt shown; Region (3) and Medborgare (2) suppressed together.</summary>
    public static ProtectedBreakdown Sectors()
    {
        var breakdown = Protected.Disclosure.Protect(
            Protected.Sectors(("naringsliv", 12), ("civilsamhalle", 10), ("ovrigt", 9), ("region", 3), ("medborgare", 2)), withProfile: 36);
        breakdown.Cells.Where(c => c.Suppressed).Select(c => c.Code).ShouldBe(["medborgare", "region"], ignoreOrder: true);
        return breakdown;
    }

    /// <summary>A quarter's report with the given registrations, attendees and 20 people with a profile.</summary>
    public static QuarterReport Quarter(int year, int number, int registered, int attended)
    {
        var sectors = Protected.Sectors(("kommun", 12), ("region", 8));
        var figures = new ReportFigures(ReportScope.ForQuarter(new Quarter(year, number)), 3, 3, registered, attended, attended,
            sectors.Total, 0, [sectors]);
        return new QuarterReport(new Quarter(year, number), Protected.Report(figures));
    }

    /// <summary>40 people with a profile against example targets: kommun 20 (target 40 %), region 12 (30 %), stat 8 (30 %).</summary>
    public static ProtectedBalance Balance(int stat = 8)
    {
        var sectors = Protected.Sectors(("kommun", 20), ("region", 12), ("stat", stat));
        var figures = new ReportFigures(ReportScope.ForEvent("e"), 1, 1, sectors.Total, sectors.Total, sectors.Total, sectors.Total, 0, [sectors])
        {
            Balance =
            [
                new BalanceFigures(Dimension.Sector.Code(), true, sectors.Total,
                [
                    new BalanceCount("kommun", "Kommun", 20, 0.4), new BalanceCount("region", "Region", 12, 0.3),
                    new BalanceCount("stat", "Stat", stat, 0.3),
                ]),
            ],
        };
        return Protected.Report(figures).BalanceOf(Dimension.Sector.Code()).ShouldNotBeNull();
    }

    public static XElement Parse(string svg) => XElement.Parse(svg);

    /// <summary>The words drawn as text in the SVG, each trimmed.</summary>
    public static List<string> Texts(string svg) =>
        [.. Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value.Trim())];
}
