namespace Analytics.Cli.Tests.Imports;

/// <summary>Tests that set environment variables, which every command line run in the process reads: they run alone.</summary>
[CollectionDefinition(nameof(EnvironmentVariables), DisableParallelization = true)]
public sealed class EnvironmentVariables;

[Collection(nameof(EnvironmentVariables))]
public sealed class ImportLimitTests : IDisposable
{
    private const string MaxRows = "ANALYTICS_Import__MaxRows";

    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<CliRun> ImportWithMaxRowsAsync(string maxRows)
    {
        Environment.SetEnvironmentVariable(MaxRows, maxRows);
        try
        {
            return await _cli.RunAsync("import", SampleData.FirstMeetingFile, "--event", SampleData.FirstMeeting);
        }
        finally
        {
            Environment.SetEnvironmentVariable(MaxRows, null);
        }
    }

    [Fact]
    public async Task A_file_over_the_configured_row_limit_exits_1_with_a_sentence_and_changes_nothing()
    {
        await _cli.SucceedsAsync("db", "migrate");
        await _cli.SucceedsAsync("events", "add", SampleData.FirstMeeting, "--title", "Första mötet", "--starts", "2026-03-23T17:00");
        var before = await _cli.DatabaseContentsAsync();

        var run = await ImportWithMaxRowsAsync("50");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldStartWith("Import refused, nothing was saved: ");
        run.Error.ShouldContain("50");
        run.Error.ShouldContain("Import:MaxRows");
        run.Out.ShouldBeEmpty();
        (await _cli.DatabaseContentsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_row_limit_that_is_not_a_number_is_a_configuration_error()
    {
        await _cli.SucceedsAsync("db", "migrate");

        var run = await ImportWithMaxRowsAsync("många");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("Import:MaxRows");
        run.Error.ShouldContain("många");
    }
}
