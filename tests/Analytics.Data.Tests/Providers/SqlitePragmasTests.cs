using System.Data.Common;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Tests.Providers;

// SQLite only by design: the pragmas are how the embedded database is set up; PostgreSQL has no such settings per connection.
public class SqlitePragmasTests
{
    private static async Task<string?> PragmaAsync(DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_SQLite_connection_uses_WAL_normal_sync_a_busy_timeout_and_foreign_keys(bool openedAsync)
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var db = database.Open();
        if (openedAsync) await db.Database.OpenConnectionAsync();
        else db.Database.OpenConnection();
        var connection = db.Database.GetDbConnection();

        (await PragmaAsync(connection, "journal_mode")).ShouldBe("wal");
        (await PragmaAsync(connection, "busy_timeout")).ShouldBe("10000");
        (await PragmaAsync(connection, "synchronous")).ShouldBe("1");
        (await PragmaAsync(connection, "foreign_keys")).ShouldBe("1");
    }

    [Fact]
    public async Task A_connection_the_pool_hands_out_again_still_has_them()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        // The test databases turn pooling off (so their files can be deleted at once); the application keeps it on.
        var pooled = database.Settings with { ConnectionString = $"Data Source={Path.Combine(database.Settings.DataFolder, "analytics.db")}" };
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var reused = 0;
        for (var i = 0; i < 10; i++)
        {
            await using var db = AnalyticsDatabase.Open(pooled);
            await db.Database.OpenConnectionAsync();
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
            if (!seen.Add(connection.Handle!)) reused++;

            (await PragmaAsync(connection, "busy_timeout")).ShouldBe("10000");
            (await PragmaAsync(connection, "synchronous")).ShouldBe("1");
            (await PragmaAsync(connection, "foreign_keys")).ShouldBe("1");
        }
        reused.ShouldBeGreaterThan(0, "the pool handed a native connection out again");
        await using (var any = new Microsoft.Data.Sqlite.SqliteConnection(pooled.ConnectionString))
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(any);
    }
}
