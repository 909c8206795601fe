using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Cli.Hosting;
using Analytics.Data;
using Analytics.Data.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Analytics.Cli.Tests;

/// <summary>What one run of the command line returned and printed.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- standard output ---\n{Out}\n--- standard error ---\n{Error}";
}

/// <summary>
/// The command line, run in-process against its own data folder: its own SQLite file and key file (or, given database
/// options, another database with the key file still kept here). The folder is removed afterwards.
/// </summary>
public sealed class CliSandbox : IDisposable
{
    private readonly string[] _databaseOptions;

    public CliSandbox(params string[] databaseOptions)
    {
        _databaseOptions = databaseOptions;
        DataFolder = Directory.CreateTempSubdirectory("analytics-cli-").FullName;
    }

    public string DataFolder { get; }

    /// <summary>Runs with standard error redirected, as in CI, a pipe or a log.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunAsync(errorIsTerminal: false, args);

    /// <summary>Runs as if a person watched standard error on a terminal.</summary>
    public Task<CliRun> RunAtTerminalAsync(params string[] args) => RunAsync(errorIsTerminal: true, args);

    private async Task<CliRun> RunAsync(bool errorIsTerminal, string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exitCode = await AnalyticsCli.RunAsync([.. args, "--data-folder", DataFolder, .. _databaseOptions],
            new CliOutput(output, error, errorIsTerminal));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs and insists on exit code 0, showing everything printed when it is not.</summary>
    public async Task<CliRun> SucceedsAsync(params string[] args)
    {
        var run = await RunAsync(args);
        run.ExitCode.ShouldBe(0, run.ToString());
        return run;
    }

    /// <summary>A key file such as the embedded default creates; servers need one given, and tests give it this way.</summary>
    public void WriteKeyFile() => File.WriteAllBytes(Path.Combine(DataFolder, "attendee-key.secret"), RandomNumberGenerator.GetBytes(32));

    /// <summary>The sandbox's own SQLite database, opened directly to check what the command line left behind.</summary>
    public AnalyticsDbContext OpenDatabase() =>
        AnalyticsDatabase.Open(DatabaseSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection([new("Database:DataFolder", DataFolder)]).Build()));

    /// <summary>Every row of every table of the sandbox's database, as text to compare before and after a run.</summary>
    public async Task<string> DatabaseContentsAsync()
    {
        await using var db = OpenDatabase();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var contents = new StringBuilder();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            // Table names come from the model, never from input.
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync();
            contents.Append(table).Append('\n');
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    contents.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\t');
                contents.Append('\n');
            }
        }
        return contents.ToString();
    }

    public void Dispose()
    {
        // Pooled SQLite connections keep the file open; release them before the folder goes.
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
    }
}
