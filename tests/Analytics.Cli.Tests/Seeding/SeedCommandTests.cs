using System.Text.Json;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Tests.Seeding;

public sealed class SeedCommandTests
{
    [Theory, DatabaseProviders]
    public async Task Seeding_twice_adds_nothing_the_second_time(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);

        // Without --from it finds data-samples/ above the test binaries, as it would above the installed tool.
        var first = await cli.SucceedsAsync("seed");
        int participations;
        await using (var db = cli.OpenDatabase()) participations = await db.Participations.CountAsync();

        var second = await cli.SucceedsAsync("seed");

        first.Out.ShouldContain(SampleData.Folder);
        participations.ShouldBeGreaterThan(0);
        second.Out.ShouldContain(" 0 new rows");
        second.Out.ShouldContain("reports: 0 recomputed");
        await using (var db = cli.OpenDatabase()) (await db.Participations.CountAsync()).ShouldBe(participations);

        var list = await cli.SucceedsAsync("events", "list", "--format", "json");
        using var events = JsonDocument.Parse(list.Out);
        events.RootElement.GetArrayLength().ShouldBeGreaterThanOrEqualTo(30);
    }

    [Theory, DatabaseProviders]
    public async Task Seeding_again_with_changed_targets_recomputes_every_report_against_them(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        var folder = Path.Combine(cli.DataFolder, "samples");
        CopyFolder(SampleData.Folder, folder);
        await cli.SucceedsAsync("seed", "--from", folder);
        var reports = await SnapshotCountAsync(cli);

        var targets = Path.Combine(folder, "targets.example.csv");
        var before = File.ReadAllText(targets);
        var after = before.Replace("sector,kommun,0.30,", "sector,kommun,0.35,").Replace("sector,region,0.15,", "sector,region,0.10,");
        after.ShouldNotBe(before, "the sample's targets still read kommun 0.30 and region 0.15");
        File.WriteAllText(targets, after);
        var again = await cli.SucceedsAsync("seed", "--from", folder);

        again.Out.ShouldContain(" 0 new rows");
        again.Out.ShouldContain($"reports: {reports} recomputed", customMessage: "the data did not change, the targets every report shows did");
        var report = await cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "json");
        using var json = JsonDocument.Parse(report.Out);
        json.RootElement.GetProperty("balance").GetProperty("sector").GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == "kommun").GetProperty("target").GetDouble().ShouldBe(0.35);

        var unchanged = await cli.SucceedsAsync("seed", "--from", folder);
        unchanged.Out.ShouldContain("reports: 0 recomputed");
    }

    private static async Task<int> SnapshotCountAsync(CliSandbox cli)
    {
        await using var db = cli.OpenDatabase();
        return await db.ReportSnapshots.CountAsync();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".db", StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task Seeding_from_a_folder_without_sample_data_exits_1()
    {
        using var cli = new CliSandbox();

        var run = await cli.RunAsync("seed", "--from", cli.DataFolder);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("events.csv is missing");
    }
}
