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
            Description = $"Mappen med exempeldata (standard: data-samples i den här mappen eller en förälder). Sample data folder.",
        };
        var command = new Command("seed", "Migrerar och lägger in exempeldata, räknar om rapporterna. Migrates, loads sample data, recomputes reports.") { from };
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
                $"Hittar ingen mapp data-samples här eller ovanför; ange den med --from DIR. No sample data folder found.");
            return ExitCodes.Usage;
        }
        if (!File.Exists(Path.Combine(folder, "events.csv")))
        {
            await output.Error.WriteLineAsync($"Mappen {folder} innehåller inga exempeldata (events.csv saknas).");
            return ExitCodes.Rejected;
        }

        await ReferenceData.MigrateAsync(db, cancellationToken);
        var seeded = await seeder.SeedAsync(folder, cancellationToken);
        var recomputed = await recomputer.RecomputeAsync(false, cancellationToken);

        await output.Out.WriteLineAsync($"Exempeldata från {folder}:");
        await output.Out.WriteLineAsync($"  kataloger (organisationer, evenemang, mål): {seeded.CatalogueRows} rader sparade, {seeded.CatalogueRejected} avvisade");
        await output.Out.WriteLineAsync($"  deltagarlistor och formulär: {seeded.Files} filer, {seeded.Rows} nya rader, {seeded.Rejected} avvisade rader");
        await output.Out.WriteLineAsync($"  rapporter: {recomputed} omräknade");
        return ExitCodes.Ok;
    }
}
