namespace Analytics.Cli.Tests.Database;

public sealed class DatabaseCommandsTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Migrate_creates_the_embedded_database_and_names_provider_and_file()
    {
        var first = await _cli.SucceedsAsync("db", "migrate");
        var second = await _cli.SucceedsAsync("db", "migrate");

        first.Out.ShouldContain($"sqlite, {Path.Combine(_cli.DataFolder, "analytics.db")}");
        first.Out.ShouldContain("Migrated the database");
        second.Out.ShouldContain("was already up to date");
        File.Exists(Path.Combine(_cli.DataFolder, "attendee-key.secret")).ShouldBeTrue();
    }

    [Fact]
    public async Task Other_verbs_on_a_new_database_ask_for_migrate_first()
    {
        var run = await _cli.RunAsync("events", "list");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("is not up to date; run `analytics db migrate` first");
    }
}
