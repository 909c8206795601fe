using System.Text.Json;
using Npgsql;

namespace Analytics.Cli.Tests.Postgres;

/// <summary>
/// The same verbs against a real PostgreSQL server, when ANALYTICS_TEST_POSTGRES names one (CI starts it). Each test
/// creates its own database on that server and drops it afterwards.
/// </summary>
public sealed class PostgresTests : IAsyncLifetime
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("ANALYTICS_TEST_POSTGRES");
    private readonly string _database = $"analytics_cli_{Guid.NewGuid():N}";
    private CliSandbox? _cli;

    private CliSandbox Cli => _cli ?? throw new InvalidOperationException("No PostgreSQL server configured.");

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Server)) return;
        await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        var connection = new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ConnectionString;
        _cli = new CliSandbox("--provider", "postgres", "--connection", connection);
        // A server database has no embedded key file of its own; the sandbox gives one, as Privacy:KeyFile would.
        _cli.WriteKeyFile();
    }

    public async Task DisposeAsync()
    {
        if (_cli is null) return;
        _cli.Dispose();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [SkippableFact]
    public async Task Migrate_import_and_report_work_on_postgres()
    {
        Skip.If(string.IsNullOrWhiteSpace(Server), "ANALYTICS_TEST_POSTGRES is not set.");
        var expected = MeetupCounts.Of(SampleData.FirstMeetingFile);

        var migrate = await Cli.SucceedsAsync("db", "migrate");
        await Cli.SucceedsAsync("events", "add", SampleData.FirstMeeting, "--title", "Första mötet", "--starts", "2026-03-23T17:00",
            "--municipality", "1480");
        await Cli.SucceedsAsync("import", SampleData.FirstMeetingFile, "--kind", "meetup", "--event", SampleData.FirstMeeting, "--json");
        var again = await Cli.SucceedsAsync("import", SampleData.FirstMeetingFile, "--event", SampleData.FirstMeeting);
        var run = await Cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "json");

        migrate.Out.ShouldContain($"postgres, ");
        migrate.Out.ShouldContain($"database {_database}");
        again.Out.ShouldContain("was already imported");
        using var document = JsonDocument.Parse(run.Out);
        var participants = document.RootElement.GetProperty("participants");
        participants.GetProperty("registered").GetInt32().ShouldBe(expected.Registered);
        participants.GetProperty("attended").GetInt32().ShouldBe(expected.Attended);
        participants.GetProperty("withProfile").GetInt32().ShouldBe(expected.WithProfile);
        document.RootElement.GetProperty("dimensions").GetProperty("sector").GetProperty("cells").GetArrayLength().ShouldBeGreaterThan(0);
    }
}
