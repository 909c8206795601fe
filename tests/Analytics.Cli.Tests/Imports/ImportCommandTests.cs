using System.Text;
using System.Text.Json;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Tests.Imports;

public sealed class ImportCommandTests
{
    private static async Task CreateFirstMeetingAsync(CliSandbox cli)
    {
        await cli.SucceedsAsync("db", "migrate");
        await cli.SucceedsAsync("events", "add", SampleData.FirstMeeting, "--title", "Första mötet", "--starts", "2026-03-23T17:00",
            "--municipality", "1480");
    }

    private static Task<CliRun> ImportAsync(CliSandbox cli, params string[] options) =>
        cli.RunAsync(["import", SampleData.FirstMeetingFile, "--event", SampleData.FirstMeeting, .. options]);

    private static Task<CliRun> ReportAsync(CliSandbox cli) => cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "json");

    private static string WriteRefusedFile(CliSandbox cli, string kind)
    {
        var path = Path.Combine(cli.DataFolder, $"{kind.Replace(' ', '-')}.csv");
        switch (kind)
        {
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "binary":
                File.WriteAllBytes(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R']);
                break;
            case "header only":
                File.WriteAllText(path, File.ReadLines(SampleData.FirstMeetingFile).First() + "\n");
                break;
            case "unknown columns":
                File.WriteAllText(path, "Färg,Storlek,Pris\nblå,L,100\nröd,M,90\n", Encoding.UTF8);
                break;
        }
        return path;
    }

    /// <summary>Each kind of file the importer refuses whole, as an organiser might have it on disk.</summary>
    [Theory]
    [DatabaseProviders("empty")]
    [DatabaseProviders("binary")]
    [DatabaseProviders("header only")]
    [DatabaseProviders("unknown columns")]
    public async Task A_file_it_cannot_import_exits_1_with_a_sentence_and_leaves_the_database_unchanged(string provider, string kind)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateFirstMeetingAsync(cli);
        var before = await cli.DatabaseContentsAsync();
        var path = WriteRefusedFile(cli, kind);

        var run = await cli.RunAsync("import", path, "--event", SampleData.FirstMeeting);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldStartWith("Import refused, nothing was saved: ");
        run.Error.ShouldContain(Path.GetFileName(path));
        run.Error.TrimEnd().ShouldEndWith(".");
        run.Error.ShouldNotContain("   at ");
        run.Out.ShouldBeEmpty();
        (await cli.DatabaseContentsAsync()).ShouldBe(before);
    }

    [Theory, DatabaseProviders]
    public async Task Importing_into_an_unknown_event_exits_1_says_how_to_create_it_and_changes_nothing(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateFirstMeetingAsync(cli);
        var before = await cli.DatabaseContentsAsync();

        var run = await cli.RunAsync("import", SampleData.FirstMeetingFile, "--event", "inget-sadant-evenemang");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldStartWith("Import refused, nothing was saved: ");
        run.Error.ShouldContain("There is no event “inget-sadant-evenemang”. Create it first");
        run.Error.ShouldContain("analytics events add inget-sadant-evenemang");
        (await cli.DatabaseContentsAsync()).ShouldBe(before);
    }

    [Theory, DatabaseProviders]
    public async Task Importing_a_missing_file_exits_1_with_a_sentence_and_changes_nothing(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateFirstMeetingAsync(cli);
        var before = await cli.DatabaseContentsAsync();

        var run = await cli.RunAsync("import", Path.Combine(cli.DataFolder, "saknas.csv"), "--event", SampleData.FirstMeeting);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("There is no file");
        run.Error.ShouldContain("saknas.csv; nothing was imported.");
        (await cli.DatabaseContentsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Importing_without_an_event_is_a_usage_error_in_english()
    {
        using var cli = new CliSandbox();
        await CreateFirstMeetingAsync(cli);

        var run = await cli.RunAsync("import", SampleData.FirstMeetingFile);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Name the event to import into with --event SLUG");
    }

    [Theory]
    [DatabaseProviders("meetup")]
    [DatabaseProviders("csv")]
    public async Task A_kind_names_a_family_of_formats_or_how_the_file_is_stored(string provider, string kind)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateFirstMeetingAsync(cli);

        var run = await ImportAsync(cli, "--kind", kind, "--dry-run", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        document.RootElement.GetProperty("kind").GetString().ShouldBe("meetup");
    }

    [Theory, DatabaseProviders]
    public async Task A_kind_that_does_not_fit_the_file_is_refused_naming_its_first_row(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateFirstMeetingAsync(cli);

        var run = await ImportAsync(cli, "--kind", "meetup-pro");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldStartWith("Import refused, nothing was saved: ");
        run.Error.ShouldContain("meetup-pro");
        run.Error.ShouldContain("User ID");
    }

    [Theory, DatabaseProviders]
    public async Task Json_output_is_the_import_result_with_every_row_accounted_for(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateFirstMeetingAsync(cli);
        var expected = MeetupCounts.Of(SampleData.FirstMeetingFile);

        var run = await ImportAsync(cli, "--kind", "meetup", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var result = document.RootElement;
        result.GetProperty("kind").GetString().ShouldBe("meetup");
        result.GetProperty("alreadyImported").GetBoolean().ShouldBeFalse();
        result.GetProperty("rowsRead").GetInt32().ShouldBe(expected.Rows);
        (result.GetProperty("rowsAccepted").GetInt32() + result.GetProperty("rowsRejected").GetInt32()).ShouldBe(expected.Rows);
        result.GetProperty("errors").GetArrayLength().ShouldBe(result.GetProperty("rowsRejected").GetInt32());
        result.GetProperty("status").GetString().ShouldBeOneOf("completed", "completedWithErrors");
        result.GetProperty("columns").GetProperty("sector").GetString().ShouldBe("Vilken sektor arbetar du inom?");
        run.Out.ShouldNotContain("\\u00"); // å, ä and ö stay readable
    }

    [Theory, DatabaseProviders]
    public async Task The_summary_in_english_accounts_for_every_row_column_and_unmapped_value(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateFirstMeetingAsync(cli);
        var preview = await ImportAsync(cli, "--dry-run", "--json");
        using var document = JsonDocument.Parse(preview.Out);
        var result = document.RootElement;
        var unmapped = result.GetProperty("unmapped").EnumerateArray().ToList();

        var run = await ImportAsync(cli);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldStartWith($"Imported {Path.GetFileName(SampleData.FirstMeetingFile)} (meetup) into {SampleData.FirstMeeting}.");
        run.Out.ShouldContain($"rows: {result.GetProperty("rowsRead").GetInt32()} read, {result.GetProperty("rowsAccepted").GetInt32()} accepted, " +
                              $"{result.GetProperty("rowsRejected").GetInt32()} rejected, {unmapped.Sum(u => u.GetProperty("count").GetInt32())} unmapped answers");
        run.Out.ShouldContain($"participations: {result.GetProperty("created").GetInt32()} created, 0 updated, 0 replaced");
        run.Out.ShouldContain($"columns recognised:{Environment.NewLine}    sector: \"Vilken sektor arbetar du inom?\"");
        run.Out.ShouldContain("sector: \"Kommunal verksamhet\" × 7");
        foreach (var u in unmapped)
            run.Out.ShouldContain(u.GetProperty("column").GetString() == "organisation"
                ? $"\"{u.GetProperty("value").GetString()}\" × "
                : $"{u.GetProperty("column").GetString()}: \"{u.GetProperty("value").GetString()}\" × {u.GetProperty("count").GetInt32()}");
        foreach (var o in result.GetProperty("proposedOrganisations").EnumerateArray())
            run.Out.ShouldContain($"\"{o.GetProperty("name").GetString()}\" × {o.GetProperty("count").GetInt32()}: sector ");
        foreach (var error in result.GetProperty("errors").EnumerateArray())
            run.Out.ShouldContain($"row {error.GetProperty("row").GetInt32()}");
        run.Out.ShouldContain("reports: ");
        run.Out.ShouldNotContain("rader");
        run.Error.ShouldBeEmpty();
    }

    [Theory, DatabaseProviders]
    public async Task Importing_the_same_file_twice_reports_already_imported_and_changes_nothing(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateFirstMeetingAsync(cli);
        (await ImportAsync(cli)).ExitCode.ShouldBe(0);
        var before = await ReportAsync(cli);

        var again = await ImportAsync(cli);

        again.ExitCode.ShouldBe(0, again.ToString());
        again.Out.ShouldContain("was already imported into 2026-03-23-forsta-motet");
        again.Out.ShouldContain("nothing changed");
        (await ReportAsync(cli)).Out.ShouldBe(before.Out);
        await using var db = cli.OpenDatabase();
        (await db.ImportBatches.CountAsync()).ShouldBe(1);
    }

    [Theory, DatabaseProviders]
    public async Task Dry_run_leaves_the_database_unchanged(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateFirstMeetingAsync(cli);
        var before = await cli.DatabaseContentsAsync();

        var run = await ImportAsync(cli, "--dry-run");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("Dry run of");
        run.Out.ShouldContain("nothing was saved");
        run.Out.ShouldNotContain("reports:");
        (await cli.DatabaseContentsAsync()).ShouldBe(before);
        var real = await ImportAsync(cli, "--json");
        using var document = JsonDocument.Parse(real.Out);
        document.RootElement.GetProperty("alreadyImported").GetBoolean().ShouldBeFalse();
    }

    [Theory, DatabaseProviders]
    public async Task A_committed_import_brings_the_event_report_up_to_date_at_once(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateFirstMeetingAsync(cli);

        var run = await ImportAsync(cli);

        run.Out.ShouldMatch(@"reports: [1-9]\d* recomputed");
        (await cli.SucceedsAsync("recompute")).Out.ShouldStartWith("Recomputed the stale reports: 0 of");
    }
}
