using Analytics.Testing;

namespace Analytics.Cli.Tests.Imports;

/// <summary>Tests that set environment variables, which every command line run in the process reads: they run alone.</summary>
[CollectionDefinition(nameof(EnvironmentVariables), DisableParallelization = true)]
public sealed class EnvironmentVariables;

[Collection(nameof(EnvironmentVariables))]
public sealed class ImportLimitTests
{
    private const string MaxRows = "ANALYTICS_Import__MaxRows";

    private static async Task<CliRun> ImportWithMaxRowsAsync(CliSandbox cli, string maxRows)
    {
        Environment.SetEnvironmentVariable(MaxRows, maxRows);
        try
        {
            return await cli.RunAsync("import", SampleData.FirstMeetingFile, "--event", SampleData.FirstMeeting);
        }
        finally
        {
            Environment.SetEnvironmentVariable(MaxRows, null);
        }
    }

    [Theory, DatabaseProviders]
    public async Task A_file_over_the_configured_row_limit_exits_1_with_a_sentence_and_changes_nothing(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await cli.SucceedsAsync("db", "migrate");
        await cli.SucceedsAsync("events", "add", SampleData.FirstMeeting, "--title", "Första mötet", "--starts", "2026-03-23T17:00");
        var before = await cli.DatabaseContentsAsync();

        var run = await ImportWithMaxRowsAsync(cli, "50");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldStartWith("Import refused, nothing was saved: ");
        run.Error.ShouldContain("50");
        run.Error.ShouldContain("Import:MaxRows");
        run.Out.ShouldBeEmpty();
        (await cli.DatabaseContentsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_row_limit_that_is_not_a_number_is_a_configuration_error()
    {
        using var cli = new CliSandbox();
        await cli.SucceedsAsync("db", "migrate");

        var run = await ImportWithMaxRowsAsync(cli, "många");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("Import:MaxRows");
        run.Error.ShouldContain("många");
    }
}
