using System.Globalization;
using Analytics.Core.Disclosure;
using Analytics.Reporting.Charts;
using static Analytics.Reporting.Tests.Charts.ChartFixtures;

namespace Analytics.Reporting.Tests.Charts;

public class BalanceChartTests
{
    private static readonly BalanceChartText Words = new("Andel", "95 % intervall", "Mål", "<5");

    private static Chart Draw(ProtectedBalance balance) =>
        BalanceChart.Of(balance, "Sektor mot målen", Words, CultureInfo.GetCultureInfo("sv-SE")).ShouldNotBeNull();

    [Fact]
    public void Writes_each_share_beside_its_target_in_words()
    {
        var texts = Texts(Draw(Balance()).Svg("balance"));

        texts.ShouldContain("50 % · mål 40 %");
        texts.ShouldContain("30 % · mål 30 %");
        texts.ShouldContain("20 % · mål 30 %");
    }

    [Fact]
    public void Names_the_share_its_interval_and_the_target_in_the_legend()
    {
        var texts = Texts(Draw(Balance()).Svg("balance"));

        texts.ShouldContain("Andel");
        texts.ShouldContain("95 % intervall");
        texts.ShouldContain("Mål");
    }

    [Fact]
    public void Shows_a_suppressed_category_with_its_target_only()
    {
        var balance = Balance(stat: 2);
        balance.Cells.Single(c => c.Code == "stat").Suppressed.ShouldBeTrue();

        var chart = Draw(balance);

        Texts(chart.Svg("balance")).ShouldContain("<5 · mål 30 %");
        chart.Description.ShouldContain("Stat: <5 (mål 30 %)");
    }

    [Fact]
    public void Draws_nothing_for_a_withheld_balance()
    {
        var withheld = Protected.Report(new Core.Reports.ReportFigures(Core.Reports.ReportScope.ForEvent("e"), 1, 1, 3, 3, 3, 3, 0,
            [Protected.Sectors(("kommun", 3))])
        {
            Balance = [new Core.Reports.BalanceFigures("sector", true, 3, [new Core.Reports.BalanceCount("kommun", "Kommun", 3, 1)])],
        }).BalanceOf("sector").ShouldNotBeNull();

        BalanceChart.Of(withheld, "Sektor", Words, CultureInfo.InvariantCulture).ShouldBeNull();
    }
}
