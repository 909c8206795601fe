using Analytics.Core.Events;
using Analytics.Core.Localisation;
using Analytics.Data;
using Analytics.Testing;
using Analytics.Web.Pages.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Web.Tests.Pages.Shared;

public class PageDataCacheTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A reader that counts its reads and answers with the count, valid until <paramref name="until"/>.</summary>
    private sealed class Reader(DateTime? until = null)
    {
        public int Reads { get; private set; }

        public Task<(int, DateTime?)> ReadAsync() => Task.FromResult((++Reads, until));
    }

    [Fact]
    public async Task Keeps_what_was_read_until_a_save_renews_the_revision_or_its_time_is_up()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var db = database.Open();
        await Revision.EnsureAsync(db);
        var clock = new FakeTimeProvider(Now);
        using var cache = new PageDataCache(clock);
        var reader = new Reader(until: Now.AddHours(1));

        (await cache.GetAsync(db, "overview", reader.ReadAsync, default)).ShouldBe(1);
        (await cache.GetAsync(db, "overview", reader.ReadAsync, default)).ShouldBe(1, "nothing changed: kept");
        (await cache.GetAsync(db, "overview 2026Q3", new Reader().ReadAsync, default)).ShouldBe(1, "another key is read on its own");

        db.Events.Add(new Event { Slug = "ny", Title = "Ny träff", StartsAtUtc = Now.AddDays(3), FormatCode = "traff" });
        await db.SaveChangesAsync();
        (await cache.GetAsync(db, "overview", reader.ReadAsync, default)).ShouldBe(2, "an event was saved: read again");
        (await cache.GetAsync(db, "overview", reader.ReadAsync, default)).ShouldBe(2);

        clock.SetUtcNow(Now.AddHours(1).AddTicks(-1));
        (await cache.GetAsync(db, "overview", reader.ReadAsync, default)).ShouldBe(2);
        clock.SetUtcNow(Now.AddHours(1));
        (await cache.GetAsync(db, "overview", reader.ReadAsync, default)).ShouldBe(3, "the time it was read for is over");
    }

    [Fact]
    public async Task English_and_Swedish_readers_get_their_own()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var db = database.Open();
        await Revision.EnsureAsync(db);
        using var cache = new PageDataCache(new FakeTimeProvider(Now));
        var reader = new Reader();

        (await cache.GetAsync(db, "event mars", reader.ReadAsync, default)).ShouldBe(1);
        var english = await Task.Run(async () =>
        {
            Sentences.UseEnglish();
            return await cache.GetAsync(db, "event mars", reader.ReadAsync, default);
        });

        english.ShouldBe(2, "its sentences are in another language");
        (await cache.GetAsync(db, "event mars", reader.ReadAsync, default)).ShouldBe(1);
    }

    [Fact]
    public async Task A_database_without_the_revision_keeps_nothing()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var db = database.Open();
        using var cache = new PageDataCache(new FakeTimeProvider(Now));
        var reader = new Reader();

        await cache.GetAsync(db, "overview", reader.ReadAsync, default);
        await cache.GetAsync(db, "overview", reader.ReadAsync, default);

        reader.Reads.ShouldBe(2);
    }

    [Fact]
    public async Task Requests_missing_at_once_read_once()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using (var db = database.Open()) await Revision.EnsureAsync(db);
        using var cache = new PageDataCache(new FakeTimeProvider(Now));
        var reads = 0;
        var release = new TaskCompletionSource();

        var requests = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var db = database.Open();
            return await cache.GetAsync(db, "overview", async () =>
            {
                Interlocked.Increment(ref reads);
                await release.Task;
                return (42, (DateTime?)null);
            }, default);
        })).ToList();
        await Task.Delay(200);
        release.SetResult();

        (await Task.WhenAll(requests)).ShouldAllBe(value => value == 42);
        reads.ShouldBe(1);
    }
}
