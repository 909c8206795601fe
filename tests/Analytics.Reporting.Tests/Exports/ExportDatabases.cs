using Analytics.Testing;

namespace Analytics.Reporting.Tests.Exports;

/// <summary>
/// The <see cref="ExportScenario"/> database on each provider, made on first use and shared by the tests of a class: they
/// only read it (exports read snapshots and write nothing), and a PostgreSQL database with its migration and a recompute
/// costs seconds, so one per class and provider keeps the PostgreSQL rows cheap.
/// </summary>
public sealed class ExportDatabases : IAsyncLifetime
{
    private readonly Dictionary<string, Task<TestDatabase>> _databases = [];

    public Task<TestDatabase> ForAsync(string provider)
    {
        lock (_databases)
        {
            if (!_databases.TryGetValue(provider, out var database))
                _databases[provider] = database = ExportScenario.CreateAsync(provider);
            return database;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // A scenario that failed to build removed its own database (see ExportScenario.CreateAsync).
        foreach (var database in _databases.Values.Where(d => d.IsCompletedSuccessfully))
            await database.Result.DisposeAsync();
    }
}
