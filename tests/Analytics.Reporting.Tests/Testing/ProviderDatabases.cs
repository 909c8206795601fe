using Microsoft.EntityFrameworkCore;

namespace Analytics.Testing;

/// <summary>
/// Empty databases for the tests of one class, on each provider. A new SQLite file costs milliseconds, but a new
/// PostgreSQL database costs a CREATE DATABASE and a full migration, so on PostgreSQL the class keeps one database and
/// empties it for each test: every table truncated and its identities restarted, the same fresh start as a new database.
/// The fixture disposes what it hands out; tests in one class run one at a time, so no two share the kept database at once.
/// </summary>
public sealed class ProviderDatabases : IAsyncLifetime
{
    private readonly List<TestDatabase> _made = [];
    private TestDatabase? _postgres;

    /// <summary>A migrated database with no rows in it, on the provider.</summary>
    public async Task<TestDatabase> EmptyAsync(string provider)
    {
        if (provider != "postgres")
        {
            var database = await TestDatabase.CreateAsync(provider);
            _made.Add(database);
            return database;
        }
        if (_postgres is null)
        {
            _postgres = await TestDatabase.CreateAsync(provider);
            _made.Add(_postgres);
            return _postgres;
        }
        await using var db = _postgres.Open();
        var tables = await db.Database.SqlQueryRaw<string>(
                "SELECT quote_ident(tablename) AS \"Value\" FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '__EFMigrationsHistory'")
            .ToListAsync();
        // The names are the server's own, quoted by quote_ident.
        var truncate = "TRUNCATE " + string.Join(", ", tables) + " RESTART IDENTITY CASCADE";
        await db.Database.ExecuteSqlRawAsync(truncate);
        return _postgres;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _made) await database.DisposeAsync();
    }
}
