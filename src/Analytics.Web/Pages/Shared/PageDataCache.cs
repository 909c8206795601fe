using Analytics.Core.Localisation;
using Analytics.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Analytics.Web.Pages.Shared;

/// <summary>
/// What a report page reads from the database, kept between requests by the <see cref="Revision.Reports"/> it was read
/// under, one per process. At a million participations the overview asked 22 small questions per request (the quarter
/// picker alone 16) and its p99 at 32 connections was 104–129 ms; all of them are functions of the tables that revision
/// covers and of the time, so a request now asks one: the revision. The revision is read before the data, so a write
/// landing in between leaves data newer than its key, which the next request, seeing the new revision, reads again.
/// Time is the other input: an event starting turns "planned" into "held" and moves the default quarter, so whoever
/// fills an entry says until when it holds. Only what every reader may see belongs here: who may see a page is asked
/// on every request, outside.
/// </summary>
public sealed class PageDataCache(TimeProvider clock) : IDisposable
{
    // Entries hold references to protected reports the ReportCache keeps anyway, and a few lists: counted one each.
    private const long Budget = 20_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Budget });

    // Misses of one key are filled one at a time: 32 requests arriving after a recompute would otherwise each ask everything.
    private readonly SemaphoreSlim[] _fills = [.. Enumerable.Range(0, 16).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// The value kept under <paramref name="key"/> for the current revision and language, or the one <paramref name="read"/>
    /// makes, kept until the instant it names (null: until the revision changes). A null value (nothing found) is not kept,
    /// so addresses that name nothing cannot fill the cache.
    /// </summary>
    public async Task<T> GetAsync<T>(AnalyticsDbContext db, string key, Func<Task<(T Value, DateTime? UntilUtc)>> read,
        CancellationToken cancellationToken)
    {
        // A database `db migrate` has not brought to this version has no revision: then nothing may be kept.
        if (await Revision.Reports.ReadAsync(db, cancellationToken) is not { } revision) return (await read()).Value;
        var entryKey = (key, revision, Sentences.English);
        if (Find<T>(entryKey) is { } found) return found.Value;

        var gate = _fills[(entryKey.GetHashCode() & int.MaxValue) % _fills.Length];
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Find<T>(entryKey) is { } filled) return filled.Value;
            var (value, until) = await read();
            if (value is null) return value;
            _cache.Set(entryKey, new Entry<T>(value, until), new MemoryCacheEntryOptions
            {
                Size = 1,
                // Old revisions are never asked for again; they go after a while rather than only under pressure.
                SlidingExpiration = TimeSpan.FromMinutes(30),
            });
            return value;
        }
        finally
        {
            gate.Release();
        }
    }

    // Checked against the app's clock, not the cache's: tests and the sample run on a clock of their own.
    private Entry<T>? Find<T>(object key) =>
        _cache.TryGetValue(key, out Entry<T>? entry) && entry is not null && (entry.UntilUtc is not { } until || clock.GetUtcNow().UtcDateTime < until)
            ? entry
            : null;

    public void Dispose()
    {
        _cache.Dispose();
        foreach (var gate in _fills) gate.Dispose();
    }

    private sealed record Entry<T>(T Value, DateTime? UntilUtc);
}
