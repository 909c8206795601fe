using System.Text.Json;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Imports;

public sealed class ProgressIndicatorTests
{
    private const string Event = "2026-05-20-stor-lista";

    private static async Task<string> ListAsync(CliSandbox cli, int rows)
    {
        await cli.SucceedsAsync("db", "migrate");
        await cli.SucceedsAsync("events", "add", Event, "--title", "Stor lista", "--starts", "2026-05-20T13:00");
        return MeetupListFile.WriteLarge(Path.Combine(cli.DataFolder, $"lista-{rows}.tsv"), rows);
    }

    private static int RowsRead(CliRun run)
    {
        using var document = JsonDocument.Parse(run.Out);
        return document.RootElement.GetProperty("rowsRead").GetInt32();
    }

    [Fact]
    public async Task Redirected_a_large_file_gets_a_plain_line_every_10000_rows_on_standard_error_only()
    {
        // SQLite only: it is about the progress lines, and its 20,500 rows took 34 s on PostgreSQL (14 s here), the
        // heaviest row in this project; the 1,500-row tests below import on every provider.
        using var cli = new CliSandbox();

        // Just past two lines' worth, and a dry run (no recompute), to keep the test quick.
        var list = await ListAsync(cli, 20_500);

        var run = await cli.SucceedsAsync("import", list, "--event", Event, "--dry-run", "--json");

        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2, run.Error);
        lines[0].ShouldMatch(@"^lista-20500\.tsv: 10,000 rows read, \d+:\d\d elapsed$");
        lines[1].ShouldMatch(@"^lista-20500\.tsv: 20,000 rows read, \d+:\d\d elapsed$");
        run.Error.ShouldNotContain('\r');
        RowsRead(run).ShouldBe(20_500);
    }

    [Theory, DatabaseProviders]
    public async Task Redirected_a_file_under_10000_rows_prints_no_progress_at_all(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        var list = await ListAsync(cli, 1_500);

        var run = await cli.SucceedsAsync("import", list, "--event", Event, "--json");

        run.Error.ShouldBeEmpty();
        RowsRead(run).ShouldBe(1_500);
    }

    [Theory, DatabaseProviders]
    public async Task At_a_terminal_progress_is_one_line_redrawn_in_place_and_blanked_before_the_result(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        var list = await ListAsync(cli, 1_500);

        var run = await cli.RunAtTerminalAsync("import", list, "--event", Event);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldStartWith("\rlista-1500.tsv: 500 rows read, 0:");
        run.Error.ShouldNotContain('\n');
        run.Error.ShouldMatch(@"\r {30,}\r$");
        run.Out.ShouldNotContain('\r');
        run.Out.ShouldStartWith("Imported lista-1500.tsv (meetup)");
    }
}
