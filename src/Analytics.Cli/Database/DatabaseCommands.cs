using System.CommandLine;
using Analytics.Cli.Hosting;
using Analytics.Data;
using Analytics.Data.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Database;

/// <summary>`analytics db migrate`.</summary>
internal static class DatabaseCommands
{
    public static Command Create(CliHost host)
    {
        var migrate = new Command("migrate", "Uppdaterar databasens schema och lägger in taxonomierna. Migrates the schema and seeds taxonomies.");
        host.SetAction<MigrateDatabase>(migrate, (handler, _, ct) => handler.RunAsync(ct), setsUpDatabase: true);
        return new Command("db", "Databasen. The database.") { migrate };
    }
}

internal sealed class MigrateDatabase(AnalyticsDbContext db, DatabaseSettings settings, CliOutput output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await ReferenceData.MigrateAsync(db, cancellationToken);
        var database = DatabaseDescription.Of(settings);
        await output.Out.WriteLineAsync(pending == 0
            ? $"Databasen ({database}) var redan uppdaterad; taxonomierna är kompletta."
            : $"Migrerade databasen ({database}): {pending} migrering(ar) tillämpade, taxonomierna inlagda.");
        return ExitCodes.Ok;
    }
}
