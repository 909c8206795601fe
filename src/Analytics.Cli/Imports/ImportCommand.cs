using System.CommandLine;
using Analytics.Cli.Hosting;
using Analytics.Ingest;
using Analytics.Reporting.Snapshots;

namespace Analytics.Cli.Imports;

/// <summary>`analytics import FILE --event SLUG`: one attendee list or form export into one event.</summary>
internal static class ImportCommand
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "Meetup-lista eller Forms-export (CSV, TSV eller XLSX). The file to import." };
        var kind = new Option<string>("--kind") { Description = "meetup, forms, csv eller xlsx (standard: känns igen ur filen). File kind." };
        kind.AcceptOnlyFromAmong("meetup", "forms", "csv", "xlsx");
        var eventSlug = new Option<string>("--event") { Description = "Evenemangets kortnamn. The event's slug." };
        var acceptNew = new Option<bool>("--accept-new-organisations")
        {
            Description = "Skapa organisationer som inte finns, med sektorn raderna anger. Create unknown organisations.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Läs och kontrollera filen men spara inget. Check without saving." };
        var json = new Option<bool>("--json") { Description = "Skriv resultatet som JSON. Print the result as JSON." };

        var command = new Command("import", "Importerar en deltagarlista till ett evenemang. Imports an attendee list into an event.")
        {
            file, kind, eventSlug, acceptNew, dryRun, json,
        };
        command.Validators.Add(result =>
        {
            // Finding the event from the file itself comes later; until then the event must be named.
            if (result.GetValue(eventSlug) is not { Length: > 0 })
                result.AddError("Ange evenemanget med --event SLUG (se `analytics events list`). Name the event with --event.");
        });
        host.SetAction<ImportFile>(command, (handler, r, ct) => handler.RunAsync(new ImportFile.Input(
            r.GetValue(file)!, r.GetValue(kind), r.GetValue(eventSlug)!, r.GetValue(acceptNew), r.GetValue(dryRun), r.GetValue(json)), ct));
        return command;
    }
}

internal sealed class ImportFile(ImportService imports, ReportRecomputer recomputer, CliOutput output)
{
    public sealed record Input(string File, string? Kind, string EventSlug, bool AcceptNewOrganisations, bool DryRun, bool Json);

    public async Task<int> RunAsync(Input input, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(input.File);
        if (!File.Exists(path))
        {
            await output.Error.WriteLineAsync($"Filen {input.File} finns inte. File not found.");
            return ExitCodes.Rejected;
        }

        ImportResult result;
        await using (var content = File.OpenRead(path))
        {
            var request = new ImportRequest(content, path, input.EventSlug, $"cli:{Environment.UserName}")
            {
                Kind = input.Kind, AcceptNewOrganisations = input.AcceptNewOrganisations, DryRun = input.DryRun,
            };
            result = await imports.ImportAsync(request, cancellationToken);
        }
        // Reports are read right after an import, so they are brought up to date now rather than by the next job run.
        var recomputed = result.Refusal is null && !result.AlreadyImported && !input.DryRun
            ? await recomputer.RecomputeAsync(false, cancellationToken)
            : 0;

        if (input.Json) await output.Out.WriteLineAsync(CliJson.Serialize(result));
        if (result.Refusal is not null)
        {
            await output.Error.WriteLineAsync(result.Refusal);
            return ExitCodes.Rejected;
        }
        if (!input.Json) await WriteSummaryAsync(result, input.EventSlug, recomputed);
        return ExitCodes.Ok;
    }

    private async Task WriteSummaryAsync(ImportResult result, string slug, int recomputed)
    {
        var o = output.Out;
        if (result.AlreadyImported)
        {
            await o.WriteLineAsync($"{result.FileName} är redan importerad till {slug} (import {result.BatchId}); inget ändrades. Already imported.");
            await o.WriteLineAsync($"  rader: {result.RowsRead} lästa, {result.RowsAccepted} godkända, {result.RowsRejected} avvisade");
            return;
        }
        await o.WriteLineAsync(result.DryRun
            ? $"Provkörning av {result.FileName} ({result.Kind}) mot {slug}; inget sparades. Dry run, nothing saved."
            : $"Importerade {result.FileName} ({result.Kind}) till {slug}.");
        await o.WriteLineAsync($"  rader: {result.RowsRead} lästa, {result.RowsAccepted} godkända, {result.RowsRejected} avvisade");
        await o.WriteLineAsync($"  deltagare: {result.Created} nya, {result.Updated} uppdaterade, {result.WithProfile} med profil");
        if (result.Errors.Count > 0)
        {
            await o.WriteLineAsync("  avvisade rader:");
            foreach (var e in result.Errors)
                await o.WriteLineAsync(e.Column is null ? $"    rad {e.Row}: {e.Reason}" : $"    rad {e.Row} ({e.Column}): {e.Reason}");
        }
        if (result.Unmapped.Count > 0)
        {
            await o.WriteLineAsync("  värden som inte kunde mappas (räknas som ej mappade tills någon mappar dem):");
            foreach (var u in result.Unmapped)
                await o.WriteLineAsync($"    {ColumnName(u.Column)}: ”{u.Value}” × {u.Count}");
        }
        if (result.NewOrganisations.Count > 0)
            await o.WriteLineAsync($"  nya organisationer: {string.Join("; ", result.NewOrganisations)}");
        if (!result.DryRun) await o.WriteLineAsync($"  rapporter: {recomputed} omräknade");
    }

    private static string ColumnName(string column) => column switch
    {
        "sector" => "sektor",
        "profession" => "yrkesroll",
        "municipality" => "kommun",
        "role" => "roll",
        _ => column,
    };
}
