using Analytics.Core.Events;
using Analytics.Core.Imports;
using Analytics.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Pages.Import;

/// <summary>Importhistorik: every import batch, newest first, a page at a time.</summary>
public sealed class HistoryModel(AnalyticsDbContext db, Accounts.EventAccess access) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<BatchLine> Batches { get; private set; } = [];
    public int PageNumber { get; private set; }
    public bool HasNext { get; private set; }

    public async Task OnGetAsync(int? sida, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(sida ?? 1, 1);
        // An organiser sees the batches of its own events; admins see them all.
        var batches = db.ImportBatches.AsNoTracking();
        if (await access.ImportableEventIdsAsync(cancellationToken) is { } own)
            batches = batches.Where(b => b.EventId != null && own.Contains(b.EventId.Value));
        var lines = await batches
            .OrderByDescending(b => b.ImportedAtUtc).ThenByDescending(b => b.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(b => new BatchLine
            {
                Id = b.Id, ImportedAtUtc = b.ImportedAtUtc, FileName = b.FileName, Kind = b.Kind, Status = b.Status,
                RowsRead = b.RowsRead, RowsAccepted = b.RowsAccepted, RowsRejected = b.RowsRejected,
                Unmapped = b.UnmappedValues.Sum(u => u.Count),
                EventSlug = db.Events.Where(e => e.Id == b.EventId).Select(e => e.Slug).FirstOrDefault(),
                EventTitle = db.Events.Where(e => e.Id == b.EventId).Select(e => e.Title).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        HasNext = lines.Count > PageSize;
        Batches = lines.Take(PageSize).ToList();
    }
}

/// <summary>One batch as the history lists it.</summary>
public sealed class BatchLine
{
    public int Id { get; init; }
    public DateTime ImportedAtUtc { get; init; }
    public DateTime ImportedLocal => Quarter.ToStockholm(ImportedAtUtc);
    public required string FileName { get; init; }
    public required string Kind { get; init; }
    public ImportStatus Status { get; init; }
    public int RowsRead { get; init; }
    public int RowsAccepted { get; init; }
    public int RowsRejected { get; init; }

    /// <summary>Answers left unmapped, counted every time they occur.</summary>
    public int Unmapped { get; init; }
    public string? EventSlug { get; init; }
    public string? EventTitle { get; init; }
}
