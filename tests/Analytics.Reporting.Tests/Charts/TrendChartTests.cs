using System.Globalization;
using Analytics.Core.Events;
using Analytics.Reporting.Charts;
using static Analytics.Reporting.Tests.Charts.ChartFixtures;

namespace Analytics.Reporting.Tests.Charts;

public class TrendChartTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static string Short(Quarter q) => $"K{q.Number} {q.Year}";

    private static readonly TrendLine Registered = new("Anmälda", r => r.Participants.Registered);
    private static readonly TrendLine Attended = new("Deltog", r => r.Participants.Attended);

    [Fact]
    public void Writes_every_quarter_and_every_value_and_names_each_line()
    {
        var trend = new[] { Quarter(2026, 1, 120, 90), Quarter(2026, 2, 1464, 1100) };

        var chart = TrendChart.Of(trend, [Registered, Attended], "Anmälda och deltog", "N0", Swedish, Short);
        var texts = Texts(chart.Svg("people"));

        texts.ShouldContain("K1 2026");
        texts.ShouldContain("K2 2026");
        texts.ShouldContain("120");
        texts.ShouldContain("1\u00a0464");
        texts.ShouldContain("Anmälda");
        texts.ShouldContain("Deltog");
        chart.Description.ShouldBe("Anmälda: K1 2026 120, K2 2026 1\u00a0464. Deltog: K1 2026 90, K2 2026 1\u00a0100");
    }

    [Fact]
    public void Leaves_out_a_quarter_whose_figure_is_withheld()
    {
        var trend = new[] { Quarter(2026, 1, 3, 3), Quarter(2026, 2, 40, 30) };
        trend[0].Report.Participants.Registered.ShouldBeNull();

        var chart = TrendChart.Of(trend, [Registered], "Anmälda", "N0", Swedish, Short);

        chart.Description.ShouldBe("Anmälda: K1 2026 –, K2 2026 40");
        Texts(chart.Svg("registered")).ShouldNotContain("3");
    }

    [Fact]
    public void Sparkline_describes_each_quarters_value()
    {
        var trend = new[] { Quarter(2026, 1, 120, 90), Quarter(2026, 2, 140, 100) };

        var chart = Sparkline.Of(trend, Registered, "Anmälda per kvartal", "N0", Swedish, Short);

        chart.Description.ShouldBe("K1 2026 120, K2 2026 140");
        Texts(chart.Svg("spark")).ShouldBeEmpty();
        chart.Png().Length.ShouldBeGreaterThan(100);
    }
}
