using Analytics.Ingest;
using Analytics.Ingest.Uploads;
using Analytics.Reporting.Snapshots;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Imports;

/// <summary>
/// Imports a confirmed upload, then brings the reports up to date. Its only argument is the upload's token: the file
/// name, the event and the mapping are read from the upload itself, so no personal data reaches the job store.
/// </summary>
public sealed class ImportUploadJob(UploadStore uploads, ImportService imports, ReportRecomputer recomputer, ImportProgressBoard board,
    ILogger<ImportUploadJob> log)
{
    /// <summary>Who an upload's batch is imported by, until accounts exist.</summary>
    public const string ImportedBy = "web";

    public const string Gone = "Den uppladdade filen finns inte längre (uppladdningar sparas i ett dygn). Ladda upp den igen.";

    public const string Failed = "Importen avbröts av ett fel i systemet och ingenting sparades. Ladda upp filen igen; " +
                                 "om felet står kvar, kontakta den som driver tjänsten.";

    // A refused file stays refused, and a failed import rolled back whole: running it again by itself helps neither.
    [AutomaticRetry(Attempts = 0)]
    // One import at a time: each holds a write transaction for its whole length, which on SQLite a second would wait out.
    [DisableConcurrentExecution(timeoutInSeconds: 60 * 60)]
    public async Task RunAsync(string token, CancellationToken cancellationToken)
    {
        var upload = await uploads.FindAsync(token, cancellationToken);
        if (upload is null || upload.Finished)
        {
            log.LogInformation("Upload {Token} is already imported or gone; nothing to do", token);
            return;
        }

        board.Running(token, 0);
        ImportResult result;
        await using (var content = uploads.OpenContent(upload))
        {
            if (content is null)
            {
                await uploads.FinishAsync(upload, null, Gone, cancellationToken);
                board.Refused(token, Gone);
                return;
            }
            try
            {
                result = await imports.ImportAsync(new ImportRequest(content, upload.FileName, upload.EventSlug, ImportedBy)
                {
                    Kind = upload.Kind, Mapping = upload.Mapping, Progress = board.ProgressOf(token),
                }, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await uploads.FinishAsync(upload, null, Failed, CancellationToken.None);
                board.Refused(token, Failed);
                throw;
            }
        }

        if (result.Refusal is { } refusal)
        {
            await uploads.FinishAsync(upload, null, refusal, cancellationToken);
            board.Refused(token, refusal);
            log.LogInformation("Upload {Token} was refused; nothing was imported", token);
            return;
        }

        var batchId = result.BatchId!.Value;
        if (!result.AlreadyImported) await RecomputeAsync(batchId, cancellationToken);
        await uploads.FinishAsync(upload, batchId, null, cancellationToken);
        board.Done(token, batchId, result.RowsRead);
        log.LogInformation("Upload {Token} imported as batch {BatchId}: {Read} rows read, {Accepted} accepted, {Rejected} rejected",
            token, batchId, result.RowsRead, result.RowsAccepted, result.RowsRejected);
    }

    /// <summary>The organiser opens the event's report next, so it is brought up to date before the import says it is done.</summary>
    private async Task RecomputeAsync(int batchId, CancellationToken cancellationToken)
    {
        try
        {
            await recomputer.RecomputeAsync(false, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The import itself is committed; the recurring reconcile job recomputes what is left stale.
            log.LogWarning(e, "Reports were not recomputed after batch {BatchId}; the reconcile job will", batchId);
        }
    }
}
