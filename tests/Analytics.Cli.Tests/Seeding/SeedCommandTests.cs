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

    [Fact]
    public async Task Seeding_from_a_folder_without_sample_data_exits_1()
    {
        using var cli = new CliSandbox();

        var run = await cli.RunAsync("seed", "--from", cli.DataFolder);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("events.csv is missing");
    }
}
