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
        return Enqueue(upload);
    }

    /// <summary>
    /// Queues again the confirmed imports that have not ended. The uploads on disk are the truth, not the job store:
    /// the embedded default keeps jobs in memory, so a restart forgets them. The job does nothing for a finished upload,
    /// so one queued twice on a shared job store imports once.
    /// </summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken = default)
    {
        var resumed = 0;
        foreach (var upload in await uploads.UnfinishedAsync(cancellationToken))
            if (board.TryQueue(upload.Token))
            {
                Enqueue(upload);
                resumed++;
            }
        return resumed;
    }

    private string Enqueue(Upload upload) => jobs.Enqueue<ImportUploadJob>(j => j.RunAsync(upload.Token, CancellationToken.None));
}
