using System.CommandLine;
using Analytics.Cli.Hosting;
using Analytics.Data;
using Analytics.Data.Configuration;
using Analytics.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Database;

/// <summary>`analytics db migrate`.</summary>
internal static class DatabaseCommands
{
    public static Command Create(CliHost host)
    {
        var migrate = new Command("migrate", "Brings the database schema (and on SQL Server or PostgreSQL the job queue's) up to date and loads the taxonomies.");
        host.SetAction<MigrateDatabase>(migrate, (handler, _, ct) => handler.RunAsync(ct), setsUpDatabase: true);
        return new Command("db", "Manages the database.") { migrate };
    }
}

internal sealed class MigrateDatabase(AnalyticsDbContext db, DatabaseSettings settings, CliOutput output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await ReferenceData.MigrateAsync(db, cancellationToken);
        // Hangfire's tables too, here and only here: web nodes and workers starting together must not race to install them.
        await AnalyticsJobStorage.InstallSchemaAsync(settings, cancellationToken);
        var database = DatabaseDescription.Of(settings);
        await output.Out.WriteLineAsync(pending == 0
            ? $"The database ({database}) was already up to date; the taxonomies are complete."
            : $"Migrated the database ({database}): {pending} {(pending == 1 ? "migration" : "migrations")} applied, taxonomies loaded.");
        return ExitCodes.Ok;
    }
}
