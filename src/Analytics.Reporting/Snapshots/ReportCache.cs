using Analytics.Core.Localisation;
using Microsoft.Extensions.Caching.Memory;

namespace Analytics.Reporting.Snapshots;

/// <summary>
/// Protected reports by the snapshot row they were made from. A report is a pure function of its row, the threshold k
/// (fixed for the process) and the language of its sentences, so while the row is unchanged the overview and an event
/// report need not read, deserialise and protect the same payload on every request (at a million participations, a
/// second of CPU for the overview). The key holds the row's <see cref="Analytics.Core.Reports.ReportSnapshot.Revision"/>,
/// which every write makes new and which the reader reads from the database on every request, so a recompute on any
/// server is seen at once; there is no invalidation to forget.
/// </summary>
public sealed class ReportCache : IDisposable
{
    // Sizes are payload kilobytes, about what the protected report holds in memory: at most about 200 MB of reports.
    private const long Budget = 200_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Budget });

    /// <summary>The cached value of the row and kind of output, or null.</summary>
    public T? Find<T>(long id, Guid revision, string output) where T : class =>
        _cache.TryGetValue(Key(id, revision, output), out var value) ? value as T : null;

    /// <summary>Keeps the value of the row and kind of output, sized by the characters it was read from; gives it back.</summary>
    public T Keep<T>(long id, Guid revision, string output, T value, int characters) where T : class
    {
        _cache.Set(Key(id, revision, output), value, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, characters / 1024),
            // Rows that stop being asked for (old revisions, quiet scopes) go after a while, not only under pressure.
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });
        return value;
    }

    // Misses of the same kind are filled one at a time: started cold, 32 overview requests at once would otherwise each
    // read and protect the same 1,700 event snapshots (at a million participations that held a server for over 30 s).
    // The others wait, look again and find the report. Striped, so unrelated fills seldom wait for each other.
    private readonly SemaphoreSlim[] _fills = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Waits for the right to fill the cache for this key; dispose the answer to give it back.</summary>
    public async Task<IDisposable> FillingAsync(object key, CancellationToken cancellationToken)
    {
        var gate = _fills[(key.GetHashCode() & int.MaxValue) % _fills.Length];
        await gate.WaitAsync(cancellationToken);
        return new Filling(gate);
    }

    public void Dispose()
    {
        _cache.Dispose();
        foreach (var gate in _fills) gate.Dispose();
    }

    private sealed class Filling(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    private static (long, Guid, string, bool) Key(long id, Guid revision, string output) => (id, revision, output, Sentences.English);
}
