using Analytics.Data;
using Analytics.Data.Configuration;
using Analytics.Ingest.Seeding;
using Analytics.Jobs.Scheduling;
using Analytics.Reporting.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Hosting;

public static class DatabaseStartup
{
    /// <summary>
    /// The embedded default migrates itself and, when empty, loads the sample data through the ordinary import, so a
    /// first run shows real numbers. A production database is migrated with `analytics db migrate` instead, once, before
    /// any node starts: web nodes and workers never migrate it, so several of them can start at the same moment. The one
    /// exception is `Seed:OnEmpty` on a server database, for a single demo node: that node migrates and seeds it itself.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var seedOnEmpty = app.Configuration.GetValue("Seed:OnEmpty", settings.IsEmbeddedDefault);
        if (!settings.IsEmbeddedDefault && !seedOnEmpty) return;

        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        await ReferenceData.MigrateAsync(db);
        // As `analytics db migrate` does: on a server database the job servers never install Hangfire's tables themselves.
        await AnalyticsJobStorage.InstallSchemaAsync(settings);

        if (seedOnEmpty && !await db.Events.AnyAsync())
        {
            var folder = app.Configuration["Seed:From"] ?? SampleFolder.Locate();
            if (folder is null)
                log.LogWarning("The database is empty and no data-samples folder was found; starting without sample data");
            else
            {
                var seeded = await scope.ServiceProvider.GetRequiredService<SampleDataSeeder>().SeedAsync(folder);
                log.LogInformation("Seeded {Rows} participations from {Files} sample files", seeded.Rows, seeded.Files);
            }
        }
        // Reports must be ready before the first page asks for them; later changes go through the jobs.
        await scope.ServiceProvider.GetRequiredService<ReportRecomputer>().RecomputeAsync(all: false);
    }
}
