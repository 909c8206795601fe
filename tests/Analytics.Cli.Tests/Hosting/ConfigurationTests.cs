namespace Analytics.Cli.Tests.Hosting;

public sealed class ConfigurationTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Unknown_provider_exits_2_naming_the_supported_ones()
    {
        var run = await _cli.RunAsync("--provider", "oracle", "db", "migrate");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Unknown database “oracle” in Database:Provider; choose sqlite, sqlserver or postgres.");
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_exits_2()
    {
        var run = await _cli.RunAsync("db", "migrate", "--provider", "postgres");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no connection string is given");
        run.Error.ShouldContain("--connection");
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_exits_2_without_a_stack_trace_or_the_password()
    {
        _cli.WriteKeyFile();

        // Port 1 on loopback refuses at once: nothing listens there.
        var run = await _cli.RunAsync("db", "migrate", "--provider", "postgres",
            "--connection", "Host=127.0.0.1;Port=1;Database=analytics;Username=analytics;Password=hemligt-losen;Timeout=3");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("The database could not be used");
        run.Error.ShouldNotContain("hemligt-losen");
        run.Error.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("events", "list", "--format", "xml")]
    [InlineData("import", "fil.csv", "--kind", "pdf", "--event", "x")]
    [InlineData("report", "event")]
    public async Task Unknown_verbs_and_bad_options_are_usage_errors(params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("analytics --help");
        run.Out.ShouldBeEmpty();
    }
}
