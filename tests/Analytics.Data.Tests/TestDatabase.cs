using System.Reflection;
using Analytics.Data;
using Analytics.Data.Configuration;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Sdk;

namespace Analytics.Testing;

/// <summary>
/// A fresh database for one test, on a real engine: a temporary SQLite file always, and a new database on the
/// PostgreSQL server named by ANALYTICS_TEST_POSTGRES when one is provided (CI starts one). Disposing it deletes the file
/// or drops the database. This file stands alone so that other test projects can link it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>A connection string to a PostgreSQL server on which tests may create and drop databases.</summary>
    public const string PostgresVariable = "ANALYTICS_TEST_POSTGRES";

    private readonly Func<Task> _remove;

    private TestDatabase(string provider, DatabaseSettings settings, Func<Task> remove)
    {
        Provider = provider;
        Settings = settings;
        _remove = remove;
    }

    /// <summary>"sqlite" or "postgres", as the provider theories name it.</summary>
    public string Provider { get; }

    public DatabaseSettings Settings { get; }

    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } connection ? connection : null;

    /// <summary>The providers this run can test: SQLite always, PostgreSQL when a server is provided.</summary>
    public static IEnumerable<string> AvailableProviders => PostgresServer is null ? ["sqlite"] : ["sqlite", "postgres"];

    /// <summary>A new empty database, migrated to the latest schema unless <paramref name="migrated"/> is false.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider, bool migrated = true)
    {
        var id = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(Path.GetTempPath(), "analytics-tests", id);
        Directory.CreateDirectory(folder);
        TestDatabase? database = null;
        try
        {
            database = DatabaseSettings.ParseProvider(provider) switch
            {
                DatabaseProvider.Sqlite => CreateSqlite(provider, folder),
                DatabaseProvider.Postgres => await CreatePostgresAsync(provider, $"analytics_t_{id}", folder),
                var other => throw new NotSupportedException($"Tests cannot run on {other}; only SQLite and PostgreSQL run here."),
            };
            if (migrated)
            {
                await using var db = database.Open();
                await db.Database.MigrateAsync();
            }
            return database;
        }
        catch
        {
            if (database is not null) await database.DisposeAsync();
            else Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>A new context on this database; use one per unit of work, as the application does.</summary>
    public AnalyticsDbContext Open() => AnalyticsDatabase.Open(Settings);

    public async ValueTask DisposeAsync() => await _remove();

    private static TestDatabase CreateSqlite(string provider, string folder)
    {
        // Without pooling no connection outlives its context, so the file and its WAL can be deleted straight away.
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite,
            $"Data Source={Path.Combine(folder, "analytics.db")};Pooling=False", folder);
        return new TestDatabase(provider, settings, () =>
        {
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync(string provider, string name, string folder)
    {
        var server = PostgresServer
            ?? throw new InvalidOperationException($"Set {PostgresVariable} to a PostgreSQL connection string to test on PostgreSQL.");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(provider, new DatabaseSettings(DatabaseProvider.Postgres, connection, folder), async () =>
        {
            await using (var pooled = new NpgsqlConnection(connection))
                NpgsqlConnection.ClearPool(pooled);
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Runs a theory once per available database provider: <c>[Theory, DatabaseProviders]</c> with a <c>string provider</c>
/// parameter to pass to <see cref="TestDatabase.CreateAsync"/>. Given arguments, it is one row of a theory with more
/// parameters, run on each provider with the provider first: <c>[DatabaseProviders("slug", true)]</c> for
/// <c>(string provider, string slug, bool english)</c>; repeat the attribute for more rows, as with InlineData.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class DatabaseProvidersAttribute(params object[] row) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        TestDatabase.AvailableProviders.Select(provider => (object[])[provider, .. row]);
}
