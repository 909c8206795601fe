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
            return (_made = await ArrangeAsync(scope.ServiceProvider)).Value;
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>
    /// Makes them in the site behind <paramref name="services"/>: organisation A's first import batch, a new upload of its
    /// list waiting for preview, and a stored steering pack (so the pack download has something to serve to those who may
    /// have it). The authorisation matrix addresses these, on every provider.
    /// </summary>
    public static async Task<(string Token, int Batch)> ArrangeAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AnalyticsDbContext>();
        var batch = await db.ImportBatches.Where(b => db.Events.Any(e => e.Id == b.EventId && e.Slug == AnalyticsWebFactory.EventOfA))
            .OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var file = Path.Combine(SampleFolder.Locate()!, "meetup", AnalyticsWebFactory.EventOfA + ".csv");
        await using var content = File.OpenRead(file);
        var (upload, refusal) = await services.GetRequiredService<UploadStore>().SaveAsync(content, Path.GetFileName(file), AnalyticsWebFactory.EventOfA, null);
        upload.ShouldNotBeNull(refusal);
        await services.GetRequiredService<BuildSteeringPackJob>().RunAsync("2026Q1", CancellationToken.None);
        return (upload.Token, batch);
    }
}
