using Analytics.Ingest.Uploads;
using Hangfire;

namespace Analytics.Jobs.Imports;

/// <summary>Starts the import of a confirmed upload as a background job.</summary>
public sealed class ImportJobs(IBackgroundJobClient jobs, UploadStore uploads, ImportProgressBoard board)
{
    /// <summary>Enqueues the import once per upload, with the token as its only argument; the job id, or null when already started.</summary>
    public async Task<string?> StartAsync(Upload upload, CancellationToken cancellationToken = default)
    {
        if (upload.ConfirmedAtUtc is not null || upload.Finished || !board.TryQueue(upload.Token)) return null;
        await uploads.ConfirmAsync(upload, cancellationToken);
        return jobs.Enqueue<ImportUploadJob>(j => j.RunAsync(upload.Token, CancellationToken.None));
    }
}
