using System.Collections.Concurrent;
using Analytics.Ingest.Uploads;

namespace Analytics.Jobs.Imports;

public enum ImportState
{
    Waiting,
    Running,
    Done,
    Refused,
}

/// <summary>Where a confirmed upload's import stands: rows read so far, and the batch or the refusal once it ended.</summary>
public sealed record ImportProgress(ImportState State, int RowsRead = 0, int? BatchId = null, string? Refusal = null);

/// <summary>
/// How far each confirmed upload has come, by token, in this process's memory. Not in the database: the import runs in
/// one transaction, and on SQLite a progress row written from another connection would wait for that transaction to
/// end, so it could only ever show the finished count. How an import ended is also kept in the upload's sidecar, so it
/// survives a restart and is seen by every node that shares the upload folder; only the running count is per process.
/// </summary>
public sealed class ImportProgressBoard(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    /// <summary>True only for the first confirmation of an upload in this process, so a double click imports once.</summary>
    public bool TryQueue(string token)
    {
        var cutoff = clock.GetUtcNow() - UploadStore.KeptFor;
        foreach (var (old, _) in _entries.Where(e => e.Value.Since < cutoff)) _entries.TryRemove(old, out _);
        return _entries.TryAdd(token, new Entry(new ImportProgress(ImportState.Waiting), clock.GetUtcNow()));
    }

    public void Running(string token, int rowsRead) => Set(token, new ImportProgress(ImportState.Running, rowsRead));

    public void Done(string token, int batchId, int rowsRead) => Set(token, new ImportProgress(ImportState.Done, rowsRead, batchId));

    public void Refused(string token, string refusal) => Set(token, new ImportProgress(ImportState.Refused, Refusal: refusal));

    /// <summary>Told the rows read so far by the import, on the import's own thread.</summary>
    public IProgress<int> ProgressOf(string token) => new RowsRead(this, token);

    /// <summary>
    /// The upload's import as far as it is known here: its recorded outcome, else this process's progress, else waiting
    /// when it was confirmed (its job may run on another node). Null when it was never confirmed.
    /// </summary>
    public ImportProgress? For(Upload upload) =>
        upload.BatchId is { } batchId ? new ImportProgress(ImportState.Done, _entries.GetValueOrDefault(upload.Token)?.Progress.RowsRead ?? 0, batchId)
        : upload.Refusal is { } refusal ? new ImportProgress(ImportState.Refused, Refusal: refusal)
        : _entries.TryGetValue(upload.Token, out var entry) ? entry.Progress
        : upload.ConfirmedAtUtc is not null ? new ImportProgress(ImportState.Waiting)
        : null;

    private void Set(string token, ImportProgress progress) =>
        _entries.AddOrUpdate(token, _ => new Entry(progress, clock.GetUtcNow()), (_, entry) => entry with { Progress = progress });

    private sealed record Entry(ImportProgress Progress, DateTimeOffset Since);

    // Progress<T> would post each report to the thread pool, where a late one could overwrite the final count.
    private sealed class RowsRead(ImportProgressBoard board, string token) : IProgress<int>
    {
        public void Report(int value) => board.Running(token, value);
    }
}
