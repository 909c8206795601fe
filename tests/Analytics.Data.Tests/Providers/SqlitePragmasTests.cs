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
}
