using System.CommandLine;
using Analytics.Cli.Hosting;
using Analytics.Ingest;
using Analytics.Ingest.Mapping;
using Analytics.Reporting.Snapshots;

namespace Analytics.Cli.Imports;

/// <summary>`analytics import FILE --event SLUG`: one attendee list or form export into one event.</summary>
internal static class ImportCommand
{
    public static Command Create(CliHost host)
    {
        // A family (meetup, forms) lets the file say which of its formats it is; an exact kind (meetup-pro) insists.
        var kinds = InputFormats.All.Select(f => f.Family).Concat(InputFormats.Kinds).Distinct().ToArray();
        var file = new Argument<string>("FILE") { Description = "The Meetup list or form export to import (CSV, TSV or XLSX)." };
        var kind = new Option<string>("--kind")
        {
            Description = "The file's kind: a family (meetup, forms) or an exact kind (meetup-pro); recognised from the file by default.",
        };
        kind.AcceptOnlyFromAmong(kinds);
        var eventSlug = new Option<string>("--event") { Description = "The slug of the event to import into.", HelpName = "SLUG" };
        var mapping = new Option<string>("--mapping")
        {
            HelpName = "FILE",
            Description = "A JSON file mapping columns, answers and new organisations (columns, values, newOrganisations); " +
                          "saved for the next file.",
        };
        var acceptNew = new Option<bool>("--accept-new-organisations")
        {
            Description = "Create unknown organisations, in the sector their rows give.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and check the file, but save nothing." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };

        var command = new Command("import", "Imports an attendee list or form export into an event.")
        {
            file, kind, eventSlug, mapping, acceptNew, dryRun, json,
        };
        command.Validators.Add(result =>
        {
            // Finding the event from the file itself comes later; until then the event must be named.
            if (result.GetValue(eventSlug) is not { Length: > 0 })
                result.AddError("Name the event to import into with --event SLUG (see `analytics events list`).");
        });
        host.SetAction<ImportFile>(command, (handler, r, ct) => handler.RunAsync(new ImportFile.Input(
            r.GetValue(file)!, r.GetValue(kind), r.GetValue(eventSlug)!, r.GetValue(mapping), r.GetValue(acceptNew), r.GetValue(dryRun),
            r.GetValue(json)), ct));
        return command;
    }
}

internal sealed class ImportFile(ImportService imports, ReportRecomputer recomputer, CliOutput output)
{
    public sealed record Input(string File, string? Kind, string EventSlug, string? MappingFile, bool AcceptNewOrganisations,
        bool DryRun, bool Json);

    public async Task<int> RunAsync(Input input, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(input.File);
        if (!File.Exists(path))
        {
            await output.Error.WriteLineAsync($"There is no file {input.File}; nothing was imported.");
            return ExitCodes.Rejected;
        }
        var mapping = ImportMapping.Empty;
        if (input.MappingFile is { } mappingFile)
        {
            // A mapping file is input like the list itself: a mistake in it refuses the import, as a bad list would.
            if (!File.Exists(mappingFile))
            {
                await output.Error.WriteLineAsync($"There is no mapping file {mappingFile}; nothing was imported.");
                return ExitCodes.Rejected;
            }
            try
            {
                mapping = ImportMapping.Parse(await File.ReadAllTextAsync(mappingFile, cancellationToken));
            }
            catch (FormatException e)
            {
                await output.Error.WriteLineAsync($"The mapping file {mappingFile} cannot be used, so nothing was imported: {e.Message}");
                return ExitCodes.Rejected;
            }
        }

        var progress = new ProgressIndicator(output, Path.GetFileName(path));
        ImportResult result;
        try
        {
            await using var content = File.OpenRead(path);
            var request = new ImportRequest(content, path, input.EventSlug, $"cli:{Environment.UserName}")
            {
                Kind = input.Kind, Mapping = mapping, AcceptNewOrganisations = input.AcceptNewOrganisations, DryRun = input.DryRun,
                Progress = progress,
            };
            result = await imports.ImportAsync(request, cancellationToken);
        }
        finally
        {
            progress.Clear();
        }
        // Jobs do not run in the command line, and reports are read right after an import, so they are brought up to
        // date now rather than by the next job run.
        var recomputed = result.Refusal is null && !result.AlreadyImported && !input.DryRun
            ? await recomputer.RecomputeAsync(false, cancellationToken)
            : 0;

        if (input.Json) await output.Out.WriteLineAsync(CliJson.Serialize(result));
        if (result.Refusal is not null)
        {
            await output.Error.WriteLineAsync($"Import refused, nothing was saved: {result.Refusal}");
            return ExitCodes.Rejected;
        }
        if (!input.Json) await new ImportSummary(output.Out).WriteAsync(result, input.EventSlug, recomputed);
        return ExitCodes.Ok;
    }
}
