using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Tests.Imports;

public sealed class ImportCommandTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task CreateFirstMeetingAsync()
    {
        await _cli.SucceedsAsync("db", "migrate");
        await _cli.SucceedsAsync("events", "add", SampleData.FirstMeeting, "--title", "Första mötet", "--starts", "2026-03-23T17:00",
            "--municipality", "1480");
    }

    private Task<CliRun> ImportAsync(params string[] options) =>
        _cli.RunAsync(["import", SampleData.FirstMeetingFile, "--event", SampleData.FirstMeeting, .. options]);

    private Task<CliRun> ReportAsync() => _cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "json");

    [Fact]
    public async Task Importing_into_an_unknown_event_exits_1_and_says_how_to_create_it()
    {
        await _cli.SucceedsAsync("db", "migrate");

        var run = await _cli.RunAsync("import", SampleData.FirstMeetingFile, "--event", "inget-sadant-evenemang");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("Evenemanget ”inget-sadant-evenemang” finns inte");
        run.Error.ShouldContain("analytics events add inget-sadant-evenemang");
    }

    [Fact]
    public async Task Importing_without_an_event_is_a_usage_error()
    {
        await CreateFirstMeetingAsync();

        var run = await _cli.RunAsync("import", SampleData.FirstMeetingFile);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Ange evenemanget med --event");
    }

    [Fact]
    public async Task Importing_a_missing_file_exits_1_with_a_sentence()
    {
        await CreateFirstMeetingAsync();

        var run = await _cli.RunAsync("import", Path.Combine(_cli.DataFolder, "saknas.csv"), "--event", SampleData.FirstMeeting);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("saknas.csv finns inte");
    }

    [Fact]
    public async Task Json_output_is_the_import_result_with_every_row_accounted_for()
    {
        await CreateFirstMeetingAsync();
        var expected = MeetupCounts.Of(SampleData.FirstMeetingFile);

        var run = await ImportAsync("--kind", "meetup", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var result = document.RootElement;
        result.GetProperty("kind").GetString().ShouldBe("meetup");
        result.GetProperty("alreadyImported").GetBoolean().ShouldBeFalse();
        result.GetProperty("rowsRead").GetInt32().ShouldBe(expected.Rows);
        (result.GetProperty("rowsAccepted").GetInt32() + result.GetProperty("rowsRejected").GetInt32()).ShouldBe(expected.Rows);
        result.GetProperty("errors").GetArrayLength().ShouldBe(result.GetProperty("rowsRejected").GetInt32());
        result.GetProperty("status").GetString().ShouldBeOneOf("completed", "completedWithErrors");
        run.Out.ShouldNotContain("\\u00"); // å, ä and ö stay readable
    }

    [Fact]
    public async Task Text_output_lists_rows_and_every_unmapped_value_with_its_count()
    {
        await CreateFirstMeetingAsync();
        var preview = await ImportAsync("--dry-run", "--json");
        using var document = JsonDocument.Parse(preview.Out);
        var result = document.RootElement;

        var run = await ImportAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain($"rader: {result.GetProperty("rowsRead").GetInt32()} lästa, {result.GetProperty("rowsAccepted").GetInt32()} godkända");
        foreach (var unmapped in result.GetProperty("unmapped").EnumerateArray())
            run.Out.ShouldContain($"”{unmapped.GetProperty("value").GetString()}” × {unmapped.GetProperty("count").GetInt32()}");
        foreach (var error in result.GetProperty("errors").EnumerateArray())
            run.Out.ShouldContain($"rad {error.GetProperty("row").GetInt32()}");
    }

    [Fact]
    public async Task Importing_the_same_file_twice_reports_already_imported_and_changes_nothing()
    {
        await CreateFirstMeetingAsync();
        (await ImportAsync()).ExitCode.ShouldBe(0);
        var before = await ReportAsync();

        var again = await ImportAsync();

        again.ExitCode.ShouldBe(0, again.ToString());
        again.Out.ShouldContain("redan importerad");
        (await ReportAsync()).Out.ShouldBe(before.Out);
        await using var db = _cli.OpenDatabase();
        (await db.ImportBatches.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Dry_run_leaves_the_database_unchanged()
    {
        await CreateFirstMeetingAsync();
        var before = await ReportAsync();

        var run = await ImportAsync("--dry-run");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("inget sparades");
        (await ReportAsync()).Out.ShouldBe(before.Out);
        await using (var db = _cli.OpenDatabase())
        {
            (await db.Participations.CountAsync()).ShouldBe(0);
            (await db.ImportBatches.CountAsync()).ShouldBe(0);
        }
        var real = await ImportAsync("--json");
        using var document = JsonDocument.Parse(real.Out);
        document.RootElement.GetProperty("alreadyImported").GetBoolean().ShouldBeFalse();
    }
}
