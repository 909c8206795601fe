using System.Security.Cryptography;
using Analytics.Benchmarks.WholeProcess;
using Analytics.Cli;
using Analytics.Cli.Hosting;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Data.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Analytics.Benchmarks.Smoke;

/// <summary>
/// The whole-process benchmark at 2,000 rows, so it keeps working: generate, ingest through the importer, recompute with
/// the command line, and check that what was generated is what was imported and that every scope has its snapshot.
/// </summary>
public sealed class BenchmarkSmokeTests : IDisposable
{
    private const int Rows = 2_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-bench-").FullName;

    private string Generated => Path.Combine(_folder, "generated");
    private string DataFolder => Path.Combine(_folder, "data");

    [Fact]
    public async Task Generated_rows_are_all_imported_and_every_scope_gets_a_snapshot()
    {
        (await RunCliAsync("generate", "--out", Generated, "--participations", Rows.ToString())).ShouldBe(0);
        var listRows = Directory.EnumerateFiles(Path.Combine(Generated, "meetup")).Sum(f => File.ReadLines(f).Count() - 1);
        listRows.ShouldBe(Rows);

        Directory.CreateDirectory(DataFolder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Database:DataFolder", DataFolder)]).Build();
        var ingest = await IngestRun.RunAsync(Generated, configuration);
        ingest.RowsRead.ShouldBe(Rows);
        ingest.RowsRejected.ShouldBe(0);
        ingest.RowsAccepted.ShouldBe(Rows);
        ingest.Events.ShouldBe(File.ReadLines(Path.Combine(Generated, "events.csv")).Count() - 1);

        (await RunCliAsync("recompute", "--all", "--data-folder", DataFolder)).ShouldBe(0);

        await using var db = AnalyticsDatabase.Open(DatabaseSettings.From(configuration));
        (await db.Participations.CountAsync()).ShouldBe(Rows);
        var events = await db.Events.CountAsync();
        var snapshots = await db.ReportSnapshots.GroupBy(s => s.ScopeKind).ToDictionaryAsync(g => g.Key, g => g.Count());
        snapshots[ReportScope.EventKind].ShouldBe(events);
        snapshots[ReportScope.QuarterKind].ShouldBe(12);
        snapshots[ReportScope.AllTimeKind].ShouldBe(1);
        snapshots[ReportScope.HostKind].ShouldBe(await db.EventHosts.Select(h => h.OrganisationId).Distinct().CountAsync());
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_bytes_and_another_seed_does_not()
    {
        string[] args = ["--participations", "500"];
        (await RunCliAsync(["generate", "--out", Path.Combine(_folder, "a"), .. args])).ShouldBe(0);
        (await RunCliAsync(["generate", "--out", Path.Combine(_folder, "b"), .. args])).ShouldBe(0);
        (await RunCliAsync(["generate", "--out", Path.Combine(_folder, "c"), "--seed", "7", .. args])).ShouldBe(0);

        Fingerprint("a").ShouldBe(Fingerprint("b"));
        Fingerprint("a").ShouldNotBe(Fingerprint("c"));
    }

    [Fact]
    public async Task Events_organisations_and_years_scale_with_the_participations_unless_given()
    {
        (await RunCliAsync("generate", "--out", Generated, "--participations", "3000", "--events", "40", "--organisations", "25", "--years", "2"))
            .ShouldBe(0);

        var events = File.ReadLines(Path.Combine(Generated, "events.csv")).Skip(1).ToList();
        events.Count.ShouldBe(40);
        events.ShouldAllBe(e => string.CompareOrdinal(e, "2024-01-01") >= 0 && string.CompareOrdinal(e, "2026-01-01") < 0);
        // Organisations named only in answers are not in the catalogue, so the catalogue may hold a few fewer.
        File.ReadLines(Path.Combine(Generated, "organisations.csv")).Count().ShouldBeInRange(20, 26);
    }

    private string Fingerprint(string name)
    {
        var root = Path.Combine(_folder, name);
        using var sha = SHA256.Create();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file));
            sha.TransformBlock(relative, 0, relative.Length, null, 0);
            var bytes = File.ReadAllBytes(file);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexString(sha.Hash!);
    }

    private static Task<int> RunCliAsync(params string[] args) =>
        AnalyticsCli.RunAsync(args, new CliOutput(TextWriter.Null, TextWriter.Null));

    public void Dispose()
    {
        // Pooled SQLite connections keep the file open; release them before the folder goes.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
