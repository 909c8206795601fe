using Analytics.Data.Configuration;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Analytics.Data.Tests.Migrations;

public class MigrationsTests
{
    // Well-formed connection strings for servers that are never contacted: the model, the migrations and the scripts
    // need no server.
    private static DatabaseSettings Offline(string provider) => DatabaseSettings.ParseProvider(provider) switch
    {
        DatabaseProvider.SqlServer => new(DatabaseProvider.SqlServer, "Server=localhost;Database=analytics;TrustServerCertificate=True", Path.GetTempPath()),
        DatabaseProvider.Postgres => new(DatabaseProvider.Postgres, "Host=localhost;Database=analytics;Username=postgres", Path.GetTempPath()),
        _ => new(DatabaseProvider.Sqlite, "Data Source=never-opened.db", Path.GetTempPath()),
    };

    [Theory, DatabaseProviders]
    public async Task Migrations_apply_to_an_empty_database_and_leave_nothing_pending(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrated: false);
        await using var db = database.Open();
        (await db.Database.GetPendingMigrationsAsync()).ShouldNotBeEmpty();

        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
        db.Database.HasPendingModelChanges().ShouldBeFalse();
        (await db.Events.CountAsync()).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task Migrating_an_up_to_date_database_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        await db.Database.MigrateAsync();

        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(applied);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("sqlserver")]
    [InlineData("postgres")]
    public void Every_provider_has_migrations_that_match_the_model(string provider)
    {
        using var db = AnalyticsDatabase.Open(Offline(provider));

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public void Each_provider_keeps_its_own_migrations()
    {
        string[] providers = ["sqlite", "sqlserver", "postgres"];
        var migrations = providers.SelectMany(p =>
        {
            using var db = AnalyticsDatabase.Open(Offline(p));
            return db.Database.GetMigrations().ToList();
        }).ToList();

        migrations.ShouldBeUnique();
    }

    [Fact]
    public void Generates_an_idempotent_SQL_Server_script()
    {
        using var db = AnalyticsDatabase.Open(Offline("sqlserver"));

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE TABLE [Events]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_Events_Slug]");
        // Idempotent: every migration is guarded by a look-up in the history table.
        script.ShouldContain("IF NOT EXISTS (");
        script.ShouldContain("[__EFMigrationsHistory]");
    }
}
