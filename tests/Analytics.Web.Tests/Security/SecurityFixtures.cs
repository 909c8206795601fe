using Analytics.Data;
using Analytics.Ingest.Seeding;
using Analytics.Ingest.Uploads;
using Analytics.Jobs.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Security;

/// <summary>Records of organisation A for the security tests: an upload waiting for preview, and an import batch.</summary>
internal static class SecurityFixtures
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (string Token, int Batch)? _made;

    public static async Task<(string Token, int Batch)> OfOrganisationAAsync(AnalyticsWebFactory factory)
    {
        await Once.WaitAsync();
        try
        {
            if (_made is { } made) return made;
            await using var scope = factory.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AnalyticsDbContext>();
            var batch = await db.ImportBatches.Where(b => db.Events.Any(e => e.Id == b.EventId && e.Slug == AnalyticsWebFactory.EventOfA))
                .Select(b => b.Id).FirstAsync();
            var file = Path.Combine(SampleFolder.Locate()!, "meetup", AnalyticsWebFactory.EventOfA + ".csv");
            await using var content = File.OpenRead(file);
            var (upload, refusal) = await services.GetRequiredService<UploadStore>().SaveAsync(content, Path.GetFileName(file), AnalyticsWebFactory.EventOfA, null);
            upload.ShouldNotBeNull(refusal);
            // A stored pack, so the pack download has something to serve to those who may have it.
            await services.GetRequiredService<BuildSteeringPackJob>().RunAsync("2026Q1", CancellationToken.None);
            _made = (upload.Token, batch);
            return _made.Value;
        }
        finally
        {
            Once.Release();
        }
    }
}
