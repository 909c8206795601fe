using System.Text.Json;

namespace Analytics.Cli.Tests.Imports;

public sealed class ProgressIndicatorTests : IDisposable
{
    private const string Event = "2026-05-20-stor-lista";

    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string> ListAsync(int rows)
    {
        await _cli.SucceedsAsync("db", "migrate");
        await _cli.SucceedsAsync("events", "add", Event, "--title", "Stor lista", "--starts", "2026-05-20T13:00");
        return MeetupListFile.WriteLarge(Path.Combine(_cli.DataFolder, $"lista-{rows}.tsv"), rows);
    }

    private static int RowsRead(CliRun run)
    {
        using var document = JsonDocument.Parse(run.Out);
        return document.RootElement.GetProperty("rowsRead").GetInt32();
    }

    [Fact]
    public async Task Redirected_a_large_file_gets_a_plain_line_every_10000_rows_on_standard_error_only()
    {
        // Just past two lines' worth, and a dry run (no recompute), to keep the test quick.
        var list = await ListAsync(20_500);

        var run = await _cli.SucceedsAsync("import", list, "--event", Event, "--dry-run", "--json");

        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2, run.Error);
        lines[0].ShouldMatch(@"^lista-20500\.tsv: 10,000 rows read, \d+:\d\d elapsed$");
        lines[1].ShouldMatch(@"^lista-20500\.tsv: 20,000 rows read, \d+:\d\d elapsed$");
        run.Error.ShouldNotContain('\r');
        RowsRead(run).ShouldBe(20_500);
    }

    [Fact]
    public async Task Redirected_a_file_under_10000_rows_prints_no_progress_at_all()
    {
        var list = await ListAsync(1_500);

        var run = await _cli.SucceedsAsync("import", list, "--event", Event, "--json");

        run.Error.ShouldBeEmpty();
        RowsRead(run).ShouldBe(1_500);
    }

    [Fact]
    public async Task At_a_terminal_progress_is_one_line_redrawn_in_place_and_blanked_before_the_result()
    {
        var list = await ListAsync(1_500);

        var run = await _cli.RunAtTerminalAsync("import", list, "--event", Event);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldStartWith("\rlista-1500.tsv: 500 rows read, 0:");
        run.Error.ShouldNotContain('\n');
        run.Error.ShouldMatch(@"\r {30,}\r$");
        run.Out.ShouldNotContain('\r');
        run.Out.ShouldStartWith("Imported lista-1500.tsv (meetup)");
    }
}
