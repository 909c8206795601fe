using Analytics.Testing;

namespace Analytics.Cli.Tests.Database;

public sealed class DatabaseCommandsTests
{
    [Fact]
    public async Task Migrate_creates_the_embedded_database_and_names_provider_and_file()
    {
        // SQLite only: it is about the embedded default, its file and key file in the data folder.
        using var cli = new CliSandbox();

        var first = await cli.SucceedsAsync("db", "migrate");
        var second = await cli.SucceedsAsync("db", "migrate");

        first.Out.ShouldContain($"sqlite, {Path.Combine(cli.DataFolder, "analytics.db")}");
        first.Out.ShouldContain("Migrated the database");
        second.Out.ShouldContain("was already up to date");
        File.Exists(Path.Combine(cli.DataFolder, "attendee-key.secret")).ShouldBeTrue();
    }

    [Theory, DatabaseProviders]
    public async Task Other_verbs_on_a_new_database_ask_for_migrate_first(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);

        var run = await cli.RunAsync("events", "list");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("is not up to date; run `analytics db migrate` first");
    }
}
