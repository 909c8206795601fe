using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Reporting.Excel;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Exports;

/// <summary>
/// The stored quarterly steering packs: built from the quarter's snapshots (in Swedish, the steering group's language),
/// kept as files, one per quarter, and listed for the steering group.
/// </summary>
public sealed class SteeringPackStore(AnalyticsDbContext db, ExportReader reader, TimeProvider clock)
{
    /// <summary>
    /// Builds the quarter's pack and stores it in place of any earlier one. Null, and nothing stored, when the quarter
    /// has no events or its report is not computed.
    /// </summary>
    public async Task<SteeringPackInfo?> BuildAsync(Quarter quarter, CancellationToken cancellationToken = default)
    {
        if (await reader.ReadQuarterAsync(quarter, cancellationToken) is not { } export) return null;
        var builtAt = clock.GetUtcNow().UtcDateTime;
        var content = WorkbookWriter.Bytes(SteeringPackSheets.Build(export, builtAt, ExportLanguage.Swedish));
        var info = new SteeringPackInfo(quarter.ToString(), content.Length, export.Stamp.DataVersion, export.Stamp.ComputedAtUtc, builtAt);
        try
        {
            await SaveAsync(info, content, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two builds of one quarter both found no row; the unique key refused the second, which now updates the first's.
            db.ChangeTracker.Clear();
            await SaveAsync(info, content, cancellationToken);
        }
        return info;
    }

    /// <summary>Every stored pack, newest quarter first, without the files themselves.</summary>
    public async Task<IReadOnlyList<SteeringPackInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var packs = await db.SteeringPacks.AsNoTracking()
            .Select(p => new SteeringPackInfo(p.QuarterKey, p.SizeBytes, p.DataVersion, p.ComputedAtUtc, p.BuiltAtUtc))
            .ToListAsync(cancellationToken);
        return [.. packs.OrderByDescending(p => p.QuarterKey, StringComparer.Ordinal)];
    }

    /// <summary>The stored file of one quarter's pack, or null when none is stored.</summary>
    public Task<byte[]?> ContentAsync(Quarter quarter, CancellationToken cancellationToken = default)
    {
        var key = quarter.ToString();
        return db.SteeringPacks.AsNoTracking().Where(p => p.QuarterKey == key).Select(p => p.Content).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task SaveAsync(SteeringPackInfo info, byte[] content, CancellationToken cancellationToken)
    {
        var pack = await db.SteeringPacks.SingleOrDefaultAsync(p => p.QuarterKey == info.QuarterKey, cancellationToken);
        if (pack is null)
        {
            pack = new SteeringPack { QuarterKey = info.QuarterKey, Content = content };
            db.SteeringPacks.Add(pack);
        }
        pack.Content = content;
        pack.SizeBytes = info.SizeBytes;
        pack.DataVersion = info.DataVersion;
        pack.ComputedAtUtc = info.ComputedAtUtc;
        pack.BuiltAtUtc = info.BuiltAtUtc;
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A stored pack as the list shows it: its quarter, size, the data it was built from, and when.</summary>
public sealed record SteeringPackInfo(string QuarterKey, int SizeBytes, long DataVersion, DateTime ComputedAtUtc, DateTime BuiltAtUtc)
{
    public Quarter Quarter => Quarter.TryParse(QuarterKey, out var quarter) ? quarter : default;
}
