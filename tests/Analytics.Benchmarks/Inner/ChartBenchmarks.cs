using System.Globalization;
using Analytics.Core.Disclosure;
using Analytics.Core.Taxonomies;
using Analytics.Reporting.Charts;
using BenchmarkDotNet.Attributes;
using ScottPlot;

namespace Analytics.Benchmarks.Inner;

/// <summary>
/// One chart's render time: the sector breakdown of the sample's busiest quarter as the report pages draw it (bundled
/// font, labels, accessible SVG with title and description), against ScottPlot drawing the same bars with no styling.
/// </summary>
[MemoryDiagnoser]
public class ChartBenchmarks
{
    private ProtectedBreakdown _sectors = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (figures, _) = SampleFigures.Quarter("2026Q4");
        _sectors = new DisclosureControl(new DisclosureOptions()).Protect(figures).Dimensions[Dimension.Sector.Code()];
    }

    [Benchmark(Baseline = true)]
    public string PlainScottPlotSvg()
    {
        var plot = new Plot();
        var counts = _sectors.Cells.Where(c => c.Count is not null).Select(c => (double)c.Count!.Value).ToArray();
        plot.Add.Bars(counts);
        return plot.GetSvgXml(640, 400);
    }

    [Benchmark]
    public string BreakdownChartSvg() => BreakdownChart.Svg(_sectors);

    [Benchmark]
    public byte[] BreakdownChartPng() =>
        BreakdownChart.Of(_sectors, "Sektor", "Antal personer", CultureInfo.GetCultureInfo("sv-SE")).Png();
}
