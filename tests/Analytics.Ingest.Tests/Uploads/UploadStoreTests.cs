using System.Text;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Uploads;
using Analytics.Testing;

namespace Analytics.Ingest.Tests.Uploads;

public sealed class UploadStoreTests : IDisposable
{
    private const string List = "Name\tUser ID\tRSVP\nAnna Andersson\tuser 1\tYes\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "analytics-tests", "uploads-" + Guid.NewGuid().ToString("N"));

    private UploadStore Store(TimeProvider? clock = null, long maxBytes = 1024) =>
        new(_folder, new ImportLimits { MaxBytes = maxBytes }, clock ?? FixedClock.SampleDay);

    private static MemoryStream Content(string text = List) => new(Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Keeps_the_bytes_under_a_random_token_and_only_the_description_in_the_sidecar()
    {
        var (upload, refusal) = await Store().SaveAsync(Content(), @"C:\Users\organiser\Desktop\lista.tsv", "2026-03-23-forsta-motet", "meetup");

        refusal.ShouldBeNull();
        upload.ShouldNotBeNull().Token.ShouldMatch("^[0-9a-f]{32}$");
        upload.FileName.ShouldBe("lista.tsv");
        (await File.ReadAllTextAsync(Path.Combine(_folder, $"{upload.Token}.upload"))).ShouldBe(List);
        var sidecar = await File.ReadAllTextAsync(Path.Combine(_folder, $"{upload.Token}.json"));
        sidecar.ShouldContain("lista.tsv");
        sidecar.ShouldContain("2026-03-23-forsta-motet");
        sidecar.ShouldNotContain("Anna");
        (await Store().FindAsync(upload.Token)).ShouldBe(upload);
    }

    [Fact]
    public async Task Refuses_content_over_the_size_limit_with_a_sentence_and_keeps_nothing()
    {
        var (upload, refusal) = await Store(maxBytes: 10).SaveAsync(Content(), "lista.tsv", "x", null);

        upload.ShouldBeNull();
        refusal.ShouldNotBeNull().ShouldStartWith("Filen ”lista.tsv” är större än");
        Directory.EnumerateFiles(_folder).ShouldBeEmpty();
    }

    [Fact]
    public async Task Keeps_the_mapping_and_then_the_outcome_and_deletes_the_bytes_once_finished()
    {
        var store = Store();
        var (upload, _) = await store.SaveAsync(Content(), "lista.tsv", "x", null);
        var mapping = ImportMapping.Parse("""{ "values": { "sector": { "Kommunal verksamhet": "kommun" } }, "newOrganisations": { "Exempelbyrån AB": "naringsliv" } }""");

        await store.SaveMappingAsync(upload!, mapping);
        var confirmed = await store.ConfirmAsync((await store.FindAsync(upload!.Token))!);
        await store.FinishAsync(confirmed, 42, null);

        var found = (await store.FindAsync(upload.Token)).ShouldNotBeNull();
        found.Mapping.ValueFor(Question.Sector, "kommunal verksamhet").ShouldBe("kommun");
        found.Mapping.NewOrganisationSector("Exempelbyrån AB").ShouldBe("naringsliv");
        (found.ConfirmedAtUtc, found.BatchId, found.Finished).ShouldBe((FixedClock.SampleDay.GetUtcNow().UtcDateTime, 42, true));
        store.OpenContent(found).ShouldBeNull();
    }

    [Fact]
    public async Task Removes_uploads_older_than_a_day_when_the_next_one_arrives()
    {
        var yesterday = FixedClock.SampleDay;
        var (old, _) = await Store(yesterday).SaveAsync(Content(), "gammal.tsv", "x", null);
        var (recent, _) = await Store(new FixedClock(yesterday.GetUtcNow().AddHours(20))).SaveAsync(Content(), "ny.tsv", "x", null);

        var (newest, _) = await Store(new FixedClock(yesterday.GetUtcNow().AddHours(25))).SaveAsync(Content(), "nyast.tsv", "x", null);

        (await Store().FindAsync(old!.Token)).ShouldBeNull();
        Directory.EnumerateFiles(_folder, $"{old.Token}.*").ShouldBeEmpty();
        (await Store().FindAsync(recent!.Token)).ShouldNotBeNull();
        (await Store().FindAsync(newest!.Token)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("../../analytics")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("")]
    public async Task Finds_nothing_for_an_unknown_or_malformed_token(string token)
    {
        await Store().SaveAsync(Content(), "lista.tsv", "x", null);

        (await Store().FindAsync(token)).ShouldBeNull();
    }
}
