using System.CommandLine;
using Analytics.Cli.Hosting;
using Analytics.Data;
using Analytics.Ingest.Seeding;
using Analytics.Reporting.Snapshots;

namespace Analytics.Cli.Seeding;

/// <summary>`analytics seed [--from DIR]`: the sample data, loaded as a user's files would be. Running it twice changes nothing.</summary>
internal static class SeedCommand
{
    public static Command Create(CliHost host)
    {
        var from = new Option<string>("--from")
        {
            Description = "Folder with the sample data (default: data-samples in the current folder or a parent).",
            HelpName = "DIR",
        };
        var command = new Command("seed", "Migrates the database, loads the sample data and recomputes the reports.") { from };
        host.SetAction<SeedSampleData>(command, (handler, r, ct) => handler.RunAsync(r.GetValue(from), ct), setsUpDatabase: true);
        return command;
    }
}

internal sealed class SeedSampleData(AnalyticsDbContext db, SampleDataSeeder seeder, ReportRecomputer recomputer, CliOutput output)
{
    public async Task<int> RunAsync(string? from, CancellationToken cancellationToken)
    {
        var folder = from is { Length: > 0 } ? Path.GetFullPath(from) : SampleFolder.Locate();
        if (folder is null)
        {
            await output.Error.WriteLineAsync(
                "No data-samples folder here or above; name the sample data folder with --from DIR.");
            return ExitCodes.Usage;
        }
        if (!File.Exists(Path.Combine(folder, "events.csv")))
        {
            await output.Error.WriteLineAsync($"The folder {folder} holds no sample data (events.csv is missing).");
            return ExitCodes.Rejected;
        }

        await ReferenceData.MigrateAsync(db, cancellationToken);
        var catalogue = await Revision.Catalogue.ReadAsync(db, cancellationToken);
        var seeded = await seeder.SeedAsync(folder, cancellationToken);
        // Staleness follows each event's data; organisations' names and sectors and the targets feed every report, so a
        // seed that changed them recomputes all (as the admin's target page does).
        var changed = await Revision.Catalogue.ReadAsync(db, cancellationToken) != catalogue;
        var recomputed = await recomputer.RecomputeAsync(all: changed, cancellationToken);

        await output.Out.WriteLineAsync($"Sample data from {folder}:");
        await output.Out.WriteLineAsync($"  catalogues (organisations, events, targets): {seeded.CatalogueRows} rows saved, {seeded.CatalogueRejected} rejected");
        await output.Out.WriteLineAsync($"  attendee lists and forms: {seeded.Files} files, {seeded.Rows} new rows, {seeded.Rejected} rows rejected");
        await output.Out.WriteLineAsync($"  reports: {recomputed} recomputed");
        return ExitCodes.Ok;
    }
}
