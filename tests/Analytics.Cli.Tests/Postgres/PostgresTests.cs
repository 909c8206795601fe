using System.Text.Json;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Postgres;

/// <summary>
/// The verbs end to end against a real PostgreSQL server, when ANALYTICS_TEST_POSTGRES names one (CI starts it). The
/// tests of each verb run on it too (<see cref="DatabaseProvidersAttribute"/>); this one checks what only a server
/// database shows: the command line names the engine and the database it uses.
/// </summary>
public sealed class PostgresTests
{
    [SkippableFact]
    public async Task Migrate_import_and_report_work_on_postgres()
    {
        Skip.If(TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        await using var cli = await CliSandbox.CreateAsync("postgres");
        var expected = MeetupCounts.Of(SampleData.FirstMeetingFile);

        var migrate = await cli.SucceedsAsync("db", "migrate");
        await cli.SucceedsAsync("events", "add", SampleData.FirstMeeting, "--title", "Första mötet", "--starts", "2026-03-23T17:00",
            "--municipality", "1480");
        await cli.SucceedsAsync("import", SampleData.FirstMeetingFile, "--kind", "meetup", "--event", SampleData.FirstMeeting, "--json");
        var again = await cli.SucceedsAsync("import", SampleData.FirstMeetingFile, "--event", SampleData.FirstMeeting);
        var run = await cli.SucceedsAsync("report", "event", SampleData.FirstMeeting, "--format", "json");

        migrate.Out.ShouldContain("postgres, ");
        migrate.Out.ShouldContain($"database {cli.DatabaseName}");
        again.Out.ShouldContain("was already imported");
        using var document = JsonDocument.Parse(run.Out);
        var participants = document.RootElement.GetProperty("participants");
        participants.GetProperty("registered").GetInt32().ShouldBe(expected.Registered);
        participants.GetProperty("attended").GetInt32().ShouldBe(expected.Attended);
        participants.GetProperty("withProfile").GetInt32().ShouldBe(expected.WithProfile);
        document.RootElement.GetProperty("dimensions").GetProperty("sector").GetProperty("cells").GetArrayLength().ShouldBeGreaterThan(0);
    }
}
