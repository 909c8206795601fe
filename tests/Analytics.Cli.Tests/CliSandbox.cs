using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Cli.Hosting;
using Analytics.Data;
using Analytics.Data.Configuration;
using Analytics.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;

namespace Analytics.Cli.Tests;

/// <summary>What one run of the command line returned and printed.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- standard output ---\n{Out}\n--- standard error ---\n{Error}";
}

/// <summary>
/// The command line, run in-process against its own data folder: its own SQLite file and key file (or, given database
/// options or made by <see cref="CreateAsync"/> for a server provider, another database with the key file still kept
/// here). The folder is removed afterwards, and a database made for the sandbox on a server is dropped.
/// </summary>
public sealed class CliSandbox : IDisposable, IAsyncDisposable
{
    private readonly string[] _databaseOptions;
    private readonly TestDatabase? _server;

    public CliSandbox(params string[] databaseOptions) : this(null, databaseOptions)
    {
    }

    private CliSandbox(TestDatabase? server, string[] databaseOptions)
    {
        _server = server;
        _databaseOptions = databaseOptions;
        DataFolder = Directory.CreateTempSubdirectory("analytics-cli-").FullName;
    }

    /// <summary>
    /// A sandbox on one of the providers <see cref="DatabaseProvidersAttribute"/> names: "sqlite" is the embedded default
    /// in the data folder, as a user gets it; "postgres" is a new database on the ANALYTICS_TEST_POSTGRES server, given
    /// with --provider and --connection, and dropped when the sandbox is disposed.
    /// </summary>
    public static async Task<CliSandbox> CreateAsync(string provider)
    {
        if (DatabaseSettings.ParseProvider(provider) == DatabaseProvider.Sqlite) return new CliSandbox();
        // Not migrated: creating the schema is the command line's job (`db migrate`, `seed`).
        var server = await TestDatabase.CreateAsync(provider, migrated: false);
        var sandbox = new CliSandbox(server, ["--provider", provider, "--connection", server.Settings.ConnectionString]);
        // A server database has no embedded key file of its own; the sandbox gives one, as Privacy:KeyFile would.
        sandbox.WriteKeyFile();
        return sandbox;
    }

    public string DataFolder { get; }

    /// <summary>The database's name on the server, for a sandbox made on one; null for the embedded SQLite file.</summary>
    public string? DatabaseName =>
        _server is null ? null : new Npgsql.NpgsqlConnectionStringBuilder(_server.Settings.ConnectionString).Database;

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

    /// <summary>Runs with <paramref name="input"/> as standard input (`users add --password-stdin`).</summary>
    public async Task<CliRun> RunWithInputAsync(string input, params string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exitCode = await AnalyticsCli.RunAsync([.. args, "--data-folder", DataFolder, .. _databaseOptions],
            new CliOutput(output, error) { In = new StringReader(input) });
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

    /// <summary>The sandbox's own database, opened directly to check what the command line left behind.</summary>
    public AnalyticsDbContext OpenDatabase() => _server?.Open() ??
        AnalyticsDatabase.Open(DatabaseSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection([new("Database:DataFolder", DataFolder)]).Build()));

    /// <summary>Every row of every table of the sandbox's database, as text to compare before and after a run.</summary>
    public async Task<string> DatabaseContentsAsync()
    {
        await using var db = OpenDatabase();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sql = db.GetService<ISqlGenerationHelper>();
        var contents = new StringBuilder();
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .GroupBy(e => StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))
            .OrderBy(t => t.Key.Name, StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // By the primary key, so that the same rows print in the same order on every run and every engine.
            var key = table.First().FindPrimaryKey()?.Properties.Select(p => p.GetColumnName(table.Key)).OfType<string>()
                .Select(c => sql.DelimitIdentifier(c)).ToList();
            await using var command = connection.CreateCommand();
            // Table and column names come from the model, never from input; quoted as this engine quotes them.
            command.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(table.Key.Name, table.Key.Schema)} " +
                                  $"ORDER BY {(key is { Count: > 0 } ? string.Join(", ", key) : "1")}";
            await using var reader = await command.ExecuteReaderAsync();
            contents.Append(table.Key.Name).Append('\n');
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    contents.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\t');
                contents.Append('\n');
            }
        }
        return contents.ToString();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        // Pooled SQLite connections keep the file open; release them before the folder goes.
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
        if (_server is not null) await _server.DisposeAsync();
    }
}
