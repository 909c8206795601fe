using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Analytics.Core.Reports;
using Analytics.Ingest.Catalogue;
using Analytics.Ingest.Seeding;
using Analytics.Ingest.Uploads;
using Analytics.Jobs.Imports;
using Analytics.Testing;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Tests.Imports;

public class ImportUploadJobTests
{
    private const string Slug = "2025-10-09-forstudie-ett-team-i-vast";

    private static readonly string Samples = SampleFolder.Locate() ?? throw new DirectoryNotFoundException("data-samples/ not found.");

    /// <summary>The services a job server has, on the test database, with its uploads in the database's temporary folder.</summary>
    private static ServiceProvider Services(TestDatabase database) =>
        new ServiceCollection()
            .AddAnalytics(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider,
                ["Database:ConnectionString"] = database.Settings.ConnectionString,
                ["Database:DataFolder"] = database.Settings.DataFolder,
                ["Privacy:AttendeeKeySecret"] = Convert.ToBase64String(new byte[32]),
            }).Build())
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .BuildServiceProvider();

    /// <summary>The sample organisations and the one event, with no participations yet.</summary>
    private static async Task<TestDatabase> CatalogueAsync(string provider)
    {
        var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var catalogue = new CatalogueImporter(db);
        await using (var organisations = File.OpenRead(Path.Combine(Samples, "organisations.csv")))
            (await catalogue.ImportOrganisationsAsync(organisations)).Errors.ShouldBeEmpty();
        var lines = await File.ReadAllLinesAsync(Path.Combine(Samples, "events.csv"));
        var theEvent = string.Join('\n', lines.Where((line, i) => i == 0 || line.StartsWith($"{Slug},", StringComparison.Ordinal)));
        (await catalogue.ImportEventsAsync(new MemoryStream(Encoding.UTF8.GetBytes(theEvent)))).Errors.ShouldBeEmpty();
        return database;
    }

    private static async Task<Upload> UploadAsync(ServiceProvider services, byte[] content, string fileName)
    {
        var (upload, refusal) = await services.GetRequiredService<UploadStore>().SaveAsync(new MemoryStream(content), fileName, Slug, null);
        refusal.ShouldBeNull();
        return upload!;
    }

    private static async Task RunAsync(ServiceProvider services, string token)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportUploadJob>().RunAsync(token, CancellationToken.None);
    }

    /// <summary>A classic Meetup list of consenting newcomers, long enough for the import to report progress on the way (every 500 rows).</summary>
    private static byte[] LongList(int rows)
    {
        var text = new StringBuilder("Name\tUser ID\tTitle\tEvent Host\tRSVP\tGuests\tRSVPed on\tJoined Group on\tURL of Member Profile\t" +
                                     "Vilken sektor arbetar du inom?\tJag samtycker till att mina svar används för anonym statistik\n");
        for (var i = 0; i < rows; i++)
            text.Append($"Person {i}\tuser {70_000_000 + i}\t\tNo\tYes\t0\t9/20/2025 12:00\t9/1/2025\t\tKommun\tJa\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Theory, DatabaseProviders]
    public async Task Imports_the_upload_recomputes_the_event_report_and_deletes_the_bytes(string provider)
    {
        await using var database = await CatalogueAsync(provider);
        await using var services = Services(database);
        var sample = await File.ReadAllBytesAsync(Path.Combine(Samples, "meetup", $"{Slug}.tsv"));
        var upload = await UploadAsync(services, sample, $"{Slug}.tsv");
        var uploads = services.GetRequiredService<UploadStore>();

        await RunAsync(services, upload.Token);

        await using var db = database.Open();
        var batch = await db.ImportBatches.SingleAsync();
        (batch.FileName, batch.ImportedBy, batch.RowsRead).ShouldBe(($"{Slug}.tsv", ImportUploadJob.ImportedBy, 27));
        (await db.Participations.CountAsync()).ShouldBe(batch.RowsAccepted);
        var ev = await db.Events.SingleAsync(e => e.Slug == Slug);
        var snapshot = await db.ReportSnapshots.SingleAsync(s => s.ScopeKind == ReportScope.EventKind && s.ScopeKey == Slug);
        snapshot.DataVersion.ShouldBe(ev.DataVersion, "the event's report is up to date");

        var finished = (await uploads.FindAsync(upload.Token)).ShouldNotBeNull();
        finished.BatchId.ShouldBe(batch.Id);
        uploads.OpenContent(finished).ShouldBeNull();
        services.GetRequiredService<ImportProgressBoard>().For(finished).ShouldBe(new ImportProgress(ImportState.Done, 27, batch.Id));
    }

    [Theory, DatabaseProviders]
    public async Task Shows_the_rows_read_while_the_import_is_still_running(string provider)
    {
        await using var database = await CatalogueAsync(provider);
        await using var services = Services(database);
        var upload = await UploadAsync(services, LongList(2_600), "lang-lista.tsv");
        var board = services.GetRequiredService<ImportProgressBoard>();
        var seen = new ConcurrentQueue<ImportProgress>();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (board.For(upload) is { } progress) seen.Enqueue(progress);
                Thread.Sleep(1);
            }
        }, TaskCreationOptions.LongRunning);

        await RunAsync(services, upload.Token);
        await stop.CancelAsync();
        await watcher;

        seen.ShouldContain(p => p.State == ImportState.Running && p.RowsRead > 0, "rows read were shown before the import was done");
        board.For((await services.GetRequiredService<UploadStore>().FindAsync(upload.Token))!)!.State.ShouldBe(ImportState.Done);
    }

    [Theory, DatabaseProviders]
    public async Task Records_a_refused_file_as_refused_and_imports_nothing(string provider)
    {
        await using var database = await CatalogueAsync(provider);
        await using var services = Services(database);
        var upload = await UploadAsync(services, [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 0x0D], "affisch.png");

        await RunAsync(services, upload.Token);

        await using var db = database.Open();
        (await db.ImportBatches.CountAsync()).ShouldBe(0);
        var finished = (await services.GetRequiredService<UploadStore>().FindAsync(upload.Token)).ShouldNotBeNull();
        finished.Refusal.ShouldNotBeNull().ShouldContain("”affisch.png” är varken en textfil (CSV) eller en Excelfil");
        services.GetRequiredService<ImportProgressBoard>().For(finished)!.State.ShouldBe(ImportState.Refused);
    }

    [Theory, DatabaseProviders]
    public async Task Does_nothing_when_run_again_for_an_imported_upload(string provider)
    {
        await using var database = await CatalogueAsync(provider);
        await using var services = Services(database);
        var upload = await UploadAsync(services, await File.ReadAllBytesAsync(Path.Combine(Samples, "meetup", $"{Slug}.tsv")), $"{Slug}.tsv");
        await RunAsync(services, upload.Token);

        await RunAsync(services, upload.Token);

        await using var db = database.Open();
        (await db.ImportBatches.CountAsync()).ShouldBe(1);
    }

    [Theory, DatabaseProviders]
    public async Task Enqueues_one_job_per_upload_whose_only_argument_is_the_token(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var storage = new InMemoryStorage();
        var jobs = new ImportJobs(new BackgroundJobClient(storage), services.GetRequiredService<UploadStore>(), services.GetRequiredService<ImportProgressBoard>());
        var upload = await UploadAsync(services, Encoding.UTF8.GetBytes("Name\tUser ID\tRSVP\nAnna Andersson\tuser 1\tYes\n"), "anna.tsv");

        var id = await jobs.StartAsync(upload);
        var again = await jobs.StartAsync(upload);

        again.ShouldBeNull("a second confirmation starts nothing");
        using var connection = storage.GetConnection();
        var job = connection.GetJobData(id.ShouldNotBeNull()).ShouldNotBeNull().Job;
        (job.Type, job.Method.Name).ShouldBe((typeof(ImportUploadJob), nameof(ImportUploadJob.RunAsync)));
        var stored = JsonSerializer.Deserialize<string?[]>(InvocationData.SerializeJob(job).Arguments).ShouldNotBeNull();
        stored.ShouldBe([JsonSerializer.Serialize(upload.Token), null]);
        InvocationData.SerializeJob(job).Arguments.ShouldNotContain("Anna");
        (await services.GetRequiredService<UploadStore>().FindAsync(upload.Token))!.ConfirmedAtUtc.ShouldNotBeNull();
    }

    [Theory, DatabaseProviders]
    public async Task Queues_again_after_a_restart_the_confirmed_imports_that_never_ended(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var store = services.GetRequiredService<UploadStore>();
        var lost = await store.ConfirmAsync(await UploadAsync(services, Encoding.UTF8.GetBytes("Name\tUser ID\tRSVP\nAnna Andersson\tuser 1\tYes\n"), "anna.tsv"));
        var finished = await store.FinishAsync(await store.ConfirmAsync(await UploadAsync(services, LongList(1), "klar.tsv")), batchId: 7, refusal: null);
        await UploadAsync(services, LongList(2), "ej-bekraftad.tsv");
        // A restart: a new, empty job store and progress board, and the uploads still on disk.
        var storage = new InMemoryStorage();
        var jobs = new ImportJobs(new BackgroundJobClient(storage), store, new ImportProgressBoard(TimeProvider.System));

        var resumed = await jobs.ResumeAsync();
        var again = await jobs.ResumeAsync();

        (resumed, again).ShouldBe((1, 0));
        var queued = storage.GetMonitoringApi().EnqueuedJobs("default", 0, 10).Select(j => j.Value.Job.Args[0]).ToList();
        queued.ShouldBe([lost.Token]);
        finished.Finished.ShouldBeTrue();
    }
}
