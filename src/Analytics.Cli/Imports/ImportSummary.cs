using Analytics.Ingest;

namespace Analytics.Cli.Imports;

/// <summary>
/// An import result as a person reads it: every row accounted for, and for each value the importer could not place,
/// what to do about it. The row problems come from the importer as it words them.
/// </summary>
internal sealed class ImportSummary(TextWriter o)
{
    private const string OrganisationColumn = "organisation";

    public async Task WriteAsync(ImportResult result, string slug, int recomputed)
    {
        if (result.AlreadyImported)
        {
            await o.WriteLineAsync($"{result.FileName} was already imported into {slug} (import {result.BatchId}); nothing changed.");
            await o.WriteLineAsync($"  rows: {result.RowsRead} read, {result.RowsAccepted} accepted, {result.RowsRejected} rejected");
            return;
        }
        await o.WriteLineAsync(result.DryRun
            ? $"Dry run of {result.FileName} ({result.Kind}) into {slug}: nothing was saved."
            : $"Imported {result.FileName} ({result.Kind}) into {slug}.");
        await o.WriteLineAsync($"  rows: {result.RowsRead} read, {result.RowsAccepted} accepted, {result.RowsRejected} rejected, " +
                               $"{result.Unmapped.Sum(u => u.Count)} unmapped answers");
        await o.WriteLineAsync($"  participations: {result.Created} created, {result.Updated} updated, {result.Replaced} replaced, " +
                               $"{result.WithProfile} with a profile");
        await ColumnsAsync(result.Columns);
        await RejectedRowsAsync(result.Errors);
        await UnmappedAsync(result.Unmapped);
        await OrganisationsAsync(result);
        if (!result.DryRun) await o.WriteLineAsync($"  reports: {recomputed} recomputed");
    }

    private async Task ColumnsAsync(IReadOnlyDictionary<string, string> columns)
    {
        if (columns.Count == 0) return;
        await o.WriteLineAsync("  columns recognised:");
        foreach (var (question, header) in columns)
            await o.WriteLineAsync($"    {question}: \"{header}\"");
    }

    private async Task RejectedRowsAsync(IReadOnlyList<RowProblem> errors)
    {
        if (errors.Count == 0) return;
        await o.WriteLineAsync("  rejected rows:");
        foreach (var e in errors)
            await o.WriteLineAsync(e.Column is null ? $"    row {e.Row}: {e.Reason}" : $"    row {e.Row} ({e.Column}): {e.Reason}");
    }

    /// <summary>Answers other than organisations, which are listed with the sector they would be created in.</summary>
    private async Task UnmappedAsync(IReadOnlyList<UnmappedCount> unmapped)
    {
        var answers = unmapped.Where(u => u.Column != OrganisationColumn).ToList();
        if (answers.Count == 0) return;
        await o.WriteLineAsync("  unmapped answers (counted as unmapped until mapped; map them under \"values\" in a --mapping file, " +
                               "which is saved for the next file):");
        foreach (var u in answers)
            await o.WriteLineAsync($"    {u.Column}: \"{u.Value}\" × {u.Count}");
    }

    private async Task OrganisationsAsync(ImportResult result)
    {
        if (result.NewOrganisations.Count > 0)
            await o.WriteLineAsync($"  {(result.DryRun ? "organisations that would be created" : "organisations created")}: " +
                                   string.Join("; ", result.NewOrganisations));
        if (result.ProposedOrganisations.Count == 0) return;
        // With a known sector they can be confirmed as they stand; without one only the organiser can say which it is.
        var confirm = result.ProposedOrganisations.Any(p => p.Sector is not null) ? "create them with --accept-new-organisations, " : "";
        await o.WriteLineAsync($"  unknown organisations, not created (counted as unmapped until mapped; {confirm}name their sector " +
                               $"under \"newOrganisations\" in a --mapping file, or map them to a known organisation under \"values\"):");
        foreach (var p in result.ProposedOrganisations)
            await o.WriteLineAsync($"    \"{p.Name}\" × {p.Count}: {(p.Sector is { } sector ? $"sector {sector}" : "sector unknown")}");
    }
}
