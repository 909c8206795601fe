using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Providers;

/// <summary>
/// One started <see cref="AnalyticsWebFactory"/> per provider for a test class, made on first use: the embedded SQLite
/// default, and PostgreSQL when <see cref="TestDatabase.PostgresVariable"/> names a server. Both are seeded by the app
/// from the same sample files with the same attendee key secret. Record keys (the cell-key method's noise) are drawn at
/// random on import, so each factory then fixes them to a hash of the row's event and source key and recomputes every
/// report: otherwise the open data of two databases differ by their noise alone.
/// Each also gets organisation A's upload, import batch and a stored steering pack, as the authorisation matrix uses.
/// </summary>
/// <remarks>
/// Its collection runs alone, after the web collection has stopped its shared host: Hangfire's configuration is static
/// (the storage, activator and log provider of the host that configured it last), so hosts must start one at a time
/// and none may outlive the one whose logger Hangfire writes to.
/// </remarks>
public sealed class ProviderFactories : IAsyncLifetime
{
    /// <summary>One secret for every factory of the class, made per run, so their attendee keys (and source keys) agree.</summary>
    private readonly string _secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly ConcurrentDictionary<string, Lazy<Task<ProviderSite>>> _sites = new();

    /// <summary>The started factories, first started first.</summary>
    private readonly ConcurrentQueue<AnalyticsWebFactory> _started = new();

    /// <summary>The site on <paramref name="provider"/>, started (and prepared) the first time it is asked for.</summary>
    public Task<ProviderSite> SiteAsync(string provider) =>
        _sites.GetOrAdd(provider, p => new Lazy<Task<ProviderSite>>(() => StartAsync(p))).Value;

    private async Task<ProviderSite> StartAsync(string provider)
    {
        var factory = await AnalyticsWebFactory.StartAsync(provider, _secret);
        _started.Enqueue(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AnalyticsDbContext>();

        var rows = await db.Participations.Join(db.Events, p => p.EventId, e => e.Id, (p, e) => new { Participation = p, e.Slug }).ToListAsync();
        foreach (var row in rows) row.Participation.RecordKey = RecordKey(row.Slug, row.Participation.SourceKey);
        await db.SaveChangesAsync();
        await services.GetRequiredService<ReportRecomputer>().RecomputeAsync(all: true);

        var (token, batch) = await Security.SecurityFixtures.ArrangeAsync(services);
        return new ProviderSite(factory, token, batch);
    }

    /// <summary>A record key in [0, 1) that depends only on the row, not on the database or the draw.</summary>
    private static double RecordKey(string slug, string sourceKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{slug}\n{sourceKey}"));
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// In the order they started: Hangfire's log provider and job activator are static, the last host's, so that host
    /// stops last and no host's job server logs through a host already gone.
    /// </summary>
    public async Task DisposeAsync()
    {
        while (_started.TryDequeue(out var factory)) await factory.DisposeAsync();
    }
}

/// <summary>A started factory and organisation A's records for the matrix's addresses ({token}, {batch}).</summary>
public sealed record ProviderSite(AnalyticsWebFactory Factory, string UploadToken, int Batch)
{
    public string Address(string url) => url.Replace("{A}", AnalyticsWebFactory.EventOfA)
        .Replace("{token}", UploadToken).Replace("{batch}", Batch.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProviderCollection
{
    public const string Name = "providers";
}
