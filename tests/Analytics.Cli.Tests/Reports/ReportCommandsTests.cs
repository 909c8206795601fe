using System.Text.Json;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Reports;

public sealed class ReportCommandsTests
{
    private static async Task ImportFirstMeetingAsync(CliSandbox cli)
    {
        await cli.SucceedsAsync("db", "migrate");
        await cli.SucceedsAsync("events", "add", SampleData.FirstMeeting, "--title", "Första mötet: One Team Gov Västsverige",
            "--starts", "2026-03-23T17:00", "--municipality", "1480");
        var import = await cli.SucceedsAsync("import", SampleData.FirstMeetingFile, "--kind", "meetup", "--event", SampleData.FirstMeeting, "--json");
        using var result = JsonDocument.Parse(import.Out);
        result.RootElement.GetProperty("rowsAccepted").GetInt32().ShouldBeGreaterThan(0);
    }

    [Theory, DatabaseProviders]
    public async Task Event_report_json_has_the_headcounts_of_the_sample_file_and_hides_every_small_cell(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ImportFirstMeetingAsync(cli);
        var expected = MeetupCounts.Of(SampleData.FirstMeetingFile);

        var run = await cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "json");

        using var document = JsonDocument.Parse(run.Out);
        var report = document.RootElement;
        report.GetProperty("scope").GetProperty("kind").GetString().ShouldBe("event");
        report.GetProperty("scope").GetProperty("key").GetString().ShouldBe(SampleData.FirstMeeting);
        report.GetProperty("k").GetInt32().ShouldBe(5);
        var participants = report.GetProperty("participants");
        participants.GetProperty("registered").GetInt32().ShouldBe(expected.Registered);
        participants.GetProperty("attended").GetInt32().ShouldBe(expected.Attended);
        participants.GetProperty("withProfile").GetInt32().ShouldBe(expected.WithProfile);

        var dimensions = report.GetProperty("dimensions");
        foreach (var name in new[] { "sector", "profession", "organisation", "municipality" })
            dimensions.TryGetProperty(name, out _).ShouldBeTrue($"dimension {name}");
        var sector = dimensions.GetProperty("sector");
        sector.GetProperty("total").ValueKind.ShouldBe(JsonValueKind.Number);
        foreach (var index in new[] { "effectiveNumber", "blau", "evenness" })
            sector.TryGetProperty(index, out _).ShouldBeTrue(index);
        sector.GetProperty("cells").GetArrayLength().ShouldBeGreaterThan(0);

        foreach (var dimension in dimensions.EnumerateObject())
        foreach (var cell in dimension.Value.GetProperty("cells").EnumerateArray())
        {
            cell.GetProperty("code").GetString().ShouldNotBeNullOrEmpty();
            cell.GetProperty("label").GetString().ShouldNotBeNullOrEmpty();
            var count = cell.GetProperty("count");
            var share = cell.GetProperty("share");
            if (cell.GetProperty("suppressed").GetBoolean())
            {
                count.ValueKind.ShouldBe(JsonValueKind.Null, $"{dimension.Name}/{cell.GetProperty("code")}");
                share.ValueKind.ShouldBe(JsonValueKind.Null, $"{dimension.Name}/{cell.GetProperty("code")}");
            }
            else
            {
                count.GetInt32().ShouldBeGreaterThanOrEqualTo(5, $"{dimension.Name}/{cell.GetProperty("code")}");
                share.GetDouble().ShouldBeInRange(0, 1);
            }
        }
    }

    [Theory, DatabaseProviders]
    public async Task Report_out_writes_the_same_document_to_a_file(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ImportFirstMeetingAsync(cli);
        var printed = await cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "json");
        var file = Path.Combine(cli.DataFolder, "report.json");

        var written = await cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "json", "--out", file);

        written.Out.ShouldContain(file);
        (await File.ReadAllTextAsync(file)).Trim().ShouldBe(printed.Out.Trim());
    }

    [Theory, DatabaseProviders]
    public async Task Quarter_report_covers_the_events_of_that_quarter(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ImportFirstMeetingAsync(cli);
        var expected = MeetupCounts.Of(SampleData.FirstMeetingFile);

        var run = await cli.SucceedsAsync("report", "quarter", "2026Q1", "--format", "json");

        using var document = JsonDocument.Parse(run.Out);
        document.RootElement.GetProperty("scope").GetProperty("kind").GetString().ShouldBe("quarter");
        document.RootElement.GetProperty("scope").GetProperty("key").GetString().ShouldBe("2026Q1");
        document.RootElement.GetProperty("participants").GetProperty("attended").GetInt32().ShouldBe(expected.Attended);
    }

    [Theory, DatabaseProviders]
    public async Task Unknown_event_and_a_quarter_without_events_are_refused_with_a_sentence(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await cli.SucceedsAsync("db", "migrate");

        var unknownEvent = await cli.RunAsync("report", "event", "finns-inte", "--format", "json");
        var emptyQuarter = await cli.RunAsync("report", "quarter", "2031Q2", "--format", "json");
        var notAQuarter = await cli.RunAsync("report", "quarter", "2031Q7", "--format", "json");

        unknownEvent.ExitCode.ShouldBe(1);
        unknownEvent.Error.ShouldContain("There is no event “finns-inte”");
        emptyQuarter.ExitCode.ShouldBe(1);
        emptyQuarter.Error.ShouldContain("no events in Q2 2031");
        notAQuarter.ExitCode.ShouldBe(2);
        notAQuarter.Error.ShouldContain("“2031Q7” is not a quarter");
    }

    [Theory, DatabaseProviders]
    public async Task Event_report_as_xlsx_is_the_event_workbook_in_english_written_to_the_out_file(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ImportFirstMeetingAsync(cli);
        var expected = MeetupCounts.Of(SampleData.FirstMeetingFile);
        var path = Path.Combine(cli.DataFolder, "report.xlsx");

        var run = await cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "xlsx", "--out", path);

        run.Out.ShouldContain(path);
        using var file = XlsxFile.Open(await File.ReadAllBytesAsync(path));
        file.SheetNames.ShouldBe(["Summary", "Sector", "Profession", "Organisation", "Municipality", "Roles", "Targets", "Method"]);
        file.RowLabelled("Summary", "Registered")[1].Number.ShouldBe(expected.Registered);
        file.RowLabelled("Summary", "Attended")[1].Number.ShouldBe(expected.Attended);
        file.Charts("Sector").ShouldHaveSingleItem();
        file.ValidationErrors().ShouldBeEmpty();
        SmallCounts.InWorkbook(file, k: 5).ShouldBeEmpty();
    }

    [Theory, DatabaseProviders]
    public async Task Quarter_report_as_xlsx_is_the_steering_pack(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ImportFirstMeetingAsync(cli);
        var path = Path.Combine(cli.DataFolder, "pack.xlsx");

        await cli.SucceedsAsync("report", "quarter", "2026Q1", "--format", "xlsx", "--out", path);

        using var file = XlsxFile.Open(await File.ReadAllBytesAsync(path));
        file.SheetNames.ShouldBe(["Summary", "Trends", "Sector", "Profession", "Organisation", "Reach", "Balance", "Events", "Method"]);
        file.Cells("Events").ShouldContain(c => c.Text == "Första mötet: One Team Gov Västsverige");
        file.ValidationErrors().ShouldBeEmpty();
        SmallCounts.InWorkbook(file, k: 5).ShouldBeEmpty();
    }

    [Fact]
    public async Task Xlsx_without_an_out_file_is_a_usage_error_since_a_workbook_is_binary()
    {
        using var cli = new CliSandbox();
        await ImportFirstMeetingAsync(cli);

        var run = await cli.RunAsync("report", "event", SampleData.FirstMeeting, "--format", "xlsx");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("give --out FILE");
        run.Out.ShouldBeEmpty();
    }

    [Theory, DatabaseProviders]
    public async Task Csv_report_prints_the_tables_to_standard_output_and_writes_them_to_a_file_with_a_byte_order_mark(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ImportFirstMeetingAsync(cli);
        var expected = MeetupCounts.Of(SampleData.FirstMeetingFile);
        var path = Path.Combine(cli.DataFolder, "report.csv");

        var printed = await cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "csv");
        await cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "csv", "--out", path);

        printed.Out.ShouldStartWith("The event\r\nItem,Value\r\n");
        printed.Out.ShouldContain($"Registered,{expected.Registered}\r\n");
        printed.Out.ShouldContain("Sector,Count,Share\r\n");
        SmallCounts.InCsv(printed.Out, ',', k: 5).ShouldBeEmpty();
        var bytes = await File.ReadAllBytesAsync(path);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd().ShouldBe(printed.Out.TrimEnd());
    }

    [Theory, DatabaseProviders]
    public async Task Recompute_counts_the_stale_snapshots_and_all_with_all(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ImportFirstMeetingAsync(cli);

        var stale = await cli.SucceedsAsync("recompute");
        var all = await cli.SucceedsAsync("recompute", "--all");

        // The import already recomputed: the event, its quarter and all time.
        stale.Out.ShouldContain("Recomputed the stale reports: 0 of 3");
        all.Out.ShouldContain("Recomputed all reports: 3");
    }
}
