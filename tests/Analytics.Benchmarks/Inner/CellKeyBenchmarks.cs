using Analytics.Core.Disclosure;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks.Inner;

/// <summary>
/// The cell key of a cell: the sum of its rows' record keys mod 1, summed in sorted order so that the same rows always
/// give the same key whatever order the database returns them in. The baseline is the plain sum.
/// </summary>
[MemoryDiagnoser]
public class CellKeyBenchmarks
{
    private double[] _keys = [];

    [Params(50, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        _keys = [.. Enumerable.Range(0, Rows).Select(_ => random.NextDouble())];
    }

    [Benchmark(Baseline = true)]
    public double PlainSum() => _keys.Sum() % 1;

    [Benchmark]
    public double KeySum() => CellKey.KeySum(_keys);

    [Benchmark]
    public int Perturb() => CellKey.Perturb(Rows, CellKey.KeySum(_keys));
}
