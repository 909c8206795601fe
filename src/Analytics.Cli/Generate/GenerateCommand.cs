using System.CommandLine;
using Analytics.Cli.Hosting;

namespace Analytics.Cli.Generate;

/// <summary>
/// `analytics generate --out DIR`: a deterministic history of any size, drawn from the sample data's distributions, in
/// the sample's files and formats. For benchmarks and load tests; the people and organisations are fictional.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliOutput output)
    {
        var outFolder = new Option<string>("--out") { Description = "The folder to write into; created if missing.", HelpName = "DIR", Required = true };
        var participations = new Option<int>("--participations")
        {
            Description = "Participation rows in all attendee lists together.", DefaultValueFactory = _ => 1_000_000,
        };
        var events = new Option<int?>("--events") { Description = "Number of events (default: one per 50 participations)." };
        var organisations = new Option<int?>("--organisations") { Description = "Number of organisations (default: one per 200 participations)." };
        var years = new Option<int>("--years") { Description = "Years of history, from 1 January 2024.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed writes the same bytes.", DefaultValueFactory = _ => 2026 };
        var command = new Command("generate",
            "Writes a large, realistic, fictional history (catalogues and Meetup attendee lists) for benchmarks, in the layout of data-samples/.")
        {
            outFolder, participations, events, organisations, years, seed,
        };
        participations.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--participations must be at least 1."); });
        events.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--events must be at least 1."); });
        organisations.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--organisations must be at least 1."); });
        years.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 20) r.AddError("--years must be between 1 and 20."); });
        command.SetAction((result, cancellationToken) => Task.FromResult(Generate(output,
            result.GetValue(outFolder)!,
            GenerationPlan.For(result.GetValue(participations), result.GetValue(events), result.GetValue(organisations),
                result.GetValue(years), result.GetValue(seed)),
            cancellationToken)));
        return command;
    }

    /// <summary>The file that marks a folder as the generator's own, which a later run may overwrite.</summary>
    public const string Marker = ".analytics-generated";

    private static int Generate(CliOutput output, string folder, GenerationPlan plan, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(folder);
        var marker = Path.Combine(root, Marker);
        // The run replaces the lists it finds, so it writes only into an empty folder or one an earlier run made: never
        // into data-samples or someone's own exports by a slip of --out.
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any() && !File.Exists(marker))
        {
            output.Error.WriteLine($"{root} is not empty and was not made by analytics generate; give an empty or new folder.");
            return ExitCodes.Usage;
        }
        var lists = Path.Combine(root, "meetup");
        Directory.CreateDirectory(lists);
        File.WriteAllText(marker, "Written by analytics generate; a later run may replace everything here.\n");
        // A smaller run into the same folder must not leave the lists of a larger one behind.
        foreach (var stale in Directory.EnumerateFiles(lists).Where(f => Path.GetExtension(f) is ".tsv" or ".csv"))
            File.Delete(stale);

        // One seeded generator, drawn from in a fixed order, is what makes every run produce the same bytes.
        var random = new Random(plan.Seed);
        var network = SyntheticNetwork.Create(random, plan);
        var events = SyntheticEvents.Create(random, plan, network);
        GeneratedFiles.WriteOrganisations(Path.Combine(root, "organisations.csv"), network);
        GeneratedFiles.WriteEvents(Path.Combine(root, "events.csv"), events);
        GeneratedFiles.WriteTargets(Path.Combine(root, "targets.example.csv"));
        GeneratedFiles.WriteMapping(Path.Combine(root, "mapping.json"));

        var attendeeLists = new AttendeeLists(network);
        long rows = 0;
        var files = 0;
        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var list = attendeeLists.Simulate(random, e, plan);
            if (list.Count == 0) continue;
            GeneratedFiles.WriteList(Path.Combine(lists, GeneratedFiles.ListFileName(e)), e, list);
            rows += list.Count;
            files++;
        }

        output.Out.WriteLine($"Generated into {root} (seed {plan.Seed}):");
        output.Out.WriteLine($"  organisations: {network.Organisations.Count(o => o.InCatalogue)} in organisations.csv, " +
                             $"{network.Organisations.Count(o => !o.InCatalogue)} named only in answers");
        output.Out.WriteLine($"  events: {events.Count} in events.csv, {plan.Starts:yyyy-MM-dd} to {events[^1].Starts:yyyy-MM-dd}, " +
                             $"{events.Count(e => e.Planned)} planned");
        output.Out.WriteLine($"  attendee lists: {files} files, {rows} participation rows, from a pool of {network.People.Count} members");
        return ExitCodes.Ok;
    }
}
