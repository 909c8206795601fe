using System.Text;
using Analytics.Ingest.Meetup;
using Analytics.Ingest.Seeding;
using Analytics.Ingest.Text;
using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;

namespace Analytics.Benchmarks.Inner;

/// <summary>
/// Reading a Meetup attendee list: Sep splitting every cell into a string (the baseline: the least any reader must do),
/// the importer's <see cref="DelimitedTable"/> (encoding sniffing, trimming, row numbers), and the whole Meetup format
/// (<see cref="MeetupAttendeeList"/>: personnummer screening, dates, RSVP, member ids). One of the sample's largest lists,
/// repeated to the rows given.
/// </summary>
[MemoryDiagnoser]
public class CsvParsingBenchmarks
{
    private byte[] _file = [];

    [Params(140, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var folder = SampleFolder.Locate() ?? throw new DirectoryNotFoundException("data-samples/ not found");
        var lines = File.ReadAllLines(Path.Combine(folder, "meetup", "2026-11-19-hostkonferens-ett-team-i-vast.csv"));
        var text = new StringBuilder().AppendLine(lines[0]);
        for (var i = 0; i < Rows; i++) text.AppendLine(lines[1 + i % (lines.Length - 1)]);
        _file = Encoding.UTF8.GetBytes(text.ToString());
    }

    [Benchmark(Baseline = true)]
    public int SepCells()
    {
        using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true }).From(new MemoryStream(_file));
        var length = 0;
        foreach (var row in reader)
            for (var i = 0; i < row.ColCount; i++) length += row[i].ToString().Length;
        return length;
    }

    [Benchmark]
    public int DelimitedTableRows()
    {
        using var table = new DelimitedTable(new MemoryStream(_file));
        var length = 0;
        foreach (var row in table.Rows()) length += row.Cells.Length;
        return length;
    }

    [Benchmark]
    public int MeetupSourceRows()
    {
        using var table = new DelimitedTable(new MemoryStream(_file));
        var accepted = 0;
        foreach (var row in new MeetupAttendeeList().Read(table))
            if (row.Problem is null) accepted++;
        return accepted;
    }
}
