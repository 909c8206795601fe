using Analytics.Core.Events;
using Analytics.Core.Imports;
using Analytics.Data;
using Analytics.Ingest;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Pages.Import;

/// <summary>En import: one batch's figures, its first rejected rows (all of them as CSV) and its unmapped answers.</summary>
public sealed class BatchModel(AnalyticsDbContext db, Accounts.EventAccess access) : PageModel
{
    public const int ErrorsShown = 100;

    public ImportBatch Batch { get; private set; } = null!;
    public DateTime ImportedLocal { get; private set; }
    public string? EventSlug { get; private set; }
    public string? EventTitle { get; private set; }
    public RowErrorsView Errors { get; private set; } = null!;
    public IReadOnlyList<UnmappedValue> Unmapped { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is not { } batch
            || !await access.MayImportAsync(batch.EventId, cancellationToken)) return NotFound();
        Batch = batch;
        ImportedLocal = Quarter.ToStockholm(batch.ImportedAtUtc);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == batch.EventId).Select(e => new { e.Slug, e.Title }).SingleOrDefaultAsync(cancellationToken);
        (EventSlug, EventTitle) = (ev?.Slug, ev?.Title);

        var errors = db.ImportRowErrors.AsNoTracking().Where(e => e.ImportBatchId == id);
        var shown = await errors.OrderBy(e => e.RowNumber).ThenBy(e => e.Id).Take(ErrorsShown)
            .Select(e => new RowProblem(e.RowNumber, e.Column, e.Reason)).ToListAsync(cancellationToken);
        Errors = new RowErrorsView(shown, await errors.CountAsync(cancellationToken), $"/import/batch/{id}/fel.csv");
        Unmapped = await db.UnmappedValues.AsNoTracking().Where(u => u.ImportBatchId == id)
            .OrderBy(u => u.Column).ThenByDescending(u => u.Count).ThenBy(u => u.RawValue).ToListAsync(cancellationToken);
        return Page();
    }
}
