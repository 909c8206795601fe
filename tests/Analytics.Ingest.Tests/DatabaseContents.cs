using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests;

/// <summary>What the whole database holds, table by table from the model, to check what an operation left behind.</summary>
internal static class DatabaseContents
{
    private static IEnumerable<(string Table, IEnumerable<string> TextColumns)> Tables(AnalyticsDbContext db) =>
        db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).Select(e => (e.GetTableName()!,
            e.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => p.GetColumnName())));

    /// <summary>The number of rows in every table.</summary>
    public static async Task<Dictionary<string, long>> CountsAsync(AnalyticsDbContext db)
    {
        var counts = new Dictionary<string, long>();
        foreach (var (table, _) in Tables(db))
#pragma warning disable EF1002 // Table names come from the model, never from input.
            counts[table] = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
        return counts;
    }

    /// <summary>Every non-null value of every text column of every table.</summary>
    public static async Task<List<string>> TextAsync(AnalyticsDbContext db)
    {
        var values = new List<string>();
        foreach (var (table, columns) in Tables(db))
            foreach (var column in columns)
#pragma warning disable EF1002 // Table and column names come from the model, never from input.
                values.AddRange(await db.Database
                    .SqlQueryRaw<string>($"SELECT \"{column}\" AS \"Value\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL").ToListAsync());
#pragma warning restore EF1002
        return values;
    }
}
