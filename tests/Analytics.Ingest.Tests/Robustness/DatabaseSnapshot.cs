using System.Globalization;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Robustness;

/// <summary>
/// The full content of every table of the model, each row written out as text and the rows sorted, so two moments of
/// a database can be compared cell by cell. Tables ("Table") and columns ("Table.Column") named in <c>ignoring</c> are
/// left out, for values that legitimately differ between the two moments.
/// </summary>
internal sealed class DatabaseSnapshot
{
    private readonly SortedDictionary<string, List<string>> _tables = new(StringComparer.Ordinal);

    public static async Task<DatabaseSnapshot> TakeAsync(TestDatabase database, params string[] ignoring)
    {
        var snapshot = new DatabaseSnapshot();
        await using var db = database.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is { } name && !ignoring.Contains(name)))
        {
            var table = entity.GetTableName()!;
            var columns = entity.GetProperties().Select(p => p.GetColumnName())
                .Where(c => !ignoring.Contains($"{table}.{c}", StringComparer.Ordinal)).ToList();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", columns.Select((c, i) => $"{c}={Text(reader.GetValue(i))}")));
            rows.Sort(StringComparer.Ordinal);
            snapshot._tables[table] = rows;
        }
        return snapshot;
    }

    public IReadOnlyList<string> Rows(string table) => _tables[table];

    /// <summary>Fails naming the first table that differs and a few of the rows only one side has.</summary>
    public void ShouldEqual(DatabaseSnapshot expected)
    {
        _tables.Keys.ShouldBe(expected._tables.Keys);
        foreach (var (table, rows) in expected._tables)
        {
            var actual = _tables[table];
            var missing = rows.Except(actual).Take(3).ToList();
            var extra = actual.Except(rows).Take(3).ToList();
            actual.Count.ShouldBe(rows.Count, $"{table}: row counts differ; missing {string.Join(" / ", missing)}; extra {string.Join(" / ", extra)}");
            actual.ShouldBe(rows, $"{table}: missing {string.Join(" / ", missing)}; extra {string.Join(" / ", extra)}");
        }
    }

    private static string Text(object value) => value switch
    {
        DBNull => "null",
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
