using Analytics.Data;

namespace Analytics.Testing;

/// <summary>A fresh test database brought up the way the application does it: the schema plus the seeded taxonomies.</summary>
public static class MigratedDatabase
{
    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider, migrated: false);
        await using var db = database.Open();
        await ReferenceData.MigrateAsync(db);
        return database;
    }
}
