using System.Data.Common;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Data.Configuration;
using Analytics.Data.Providers;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Analytics.Reporting.Tests.Snapshots;

public class SnapshotStoreRaceTests
{
    private static readonly ReportFigures Figures = new(ReportScope.AllTime, 0, 0, 0, null, 0, 0, 0, []);

    [Theory, DatabaseProviders]
    public async Task A_writer_that_loses_the_race_to_insert_a_scope_updates_the_row_the_winner_wrote(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        // Just before this writer inserts the scope's first row, another writer inserts it: as two job servers could.
        var rival = new RivalInsert(database);
        await using (var db = Open(database.Settings, rival))
            await new SnapshotStore(db, FixedClock.SampleDay).SaveAsync(Figures, dataVersion: 9);

        rival.Fired.ShouldBeTrue();
        await using var check = database.Open();
        var rows = await check.ReportSnapshots.Where(s => s.ScopeKind == ReportScope.AllTimeKind).ToListAsync();
        rows.Count.ShouldBe(1);
        rows[0].DataVersion.ShouldBe(9);
    }

    private static AnalyticsDbContext Open(DatabaseSettings settings, IInterceptor interceptor) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteAnalyticsDbContext(AnalyticsDatabase.Configure(
            new DbContextOptionsBuilder<SqliteAnalyticsDbContext>(), settings.Provider, settings.ConnectionString).AddInterceptors(interceptor).Options),
        _ => new PostgresAnalyticsDbContext(AnalyticsDatabase.Configure(
            new DbContextOptionsBuilder<PostgresAnalyticsDbContext>(), settings.Provider, settings.ConnectionString).AddInterceptors(interceptor).Options),
    };

    private sealed class RivalInsert(TestDatabase database) : DbCommandInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Fired && command.CommandText.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase)
                       && command.CommandText.Contains("ReportSnapshots", StringComparison.Ordinal))
            {
                Fired = true;
                await using var other = database.Open();
                await new SnapshotStore(other, FixedClock.SampleDay).SaveAsync(Figures, dataVersion: 8, cancellationToken);
            }
            return result;
        }
    }
}
