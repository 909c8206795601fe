using System.Text.Json;
using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks.Inner;

/// <summary>
/// What a page does with a snapshot: read its stored payload (the baseline), then protect it, for the dashboard, or
/// protect it with the cell-key method as well, for open data. The sample's busiest quarter, 2026Q4.
/// </summary>
[MemoryDiagnoser]
public class DisclosureBenchmarks
{
    private readonly DisclosureControl _disclosure = new(new DisclosureOptions());
    private ReportFigures _figures = null!;
    private string _payload = "";

    [GlobalSetup]
    public void Setup() => (_figures, _payload) = SampleFigures.Quarter("2026Q4");

    [Benchmark(Baseline = true)]
    public ReportFigures? ReadPayload() => JsonSerializer.Deserialize<ReportFigures>(_payload, SampleFigures.PayloadOptions);

    [Benchmark]
    public ProtectedReport Protect() => _disclosure.Protect(_figures);

    [Benchmark]
    public ProtectedReport ProtectPublic() => _disclosure.ProtectPublic(_figures);
}
