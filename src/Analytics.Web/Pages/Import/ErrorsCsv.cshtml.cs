using Analytics.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Pages.Import;

/// <summary>fel.csv: every rejected row of one batch, streamed, for the organiser to fix the file in Excel.</summary>
public sealed class ErrorsCsvModel(AnalyticsDbContext db, Accounts.EventAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var batch = await db.ImportBatches.Where(b => b.Id == id).Select(b => new { b.EventId }).SingleOrDefaultAsync(cancellationToken);
        if (batch is null || !await access.MayImportAsync(batch.EventId, cancellationToken)) return NotFound();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"importfel-{id}.csv\"";
        var errors = db.ImportRowErrors.AsNoTracking().Where(e => e.ImportBatchId == id).OrderBy(e => e.RowNumber).ThenBy(e => e.Id).AsAsyncEnumerable();
        await RowErrorsCsv.WriteAsync(Response.Body, errors, cancellationToken);
        return new EmptyResult();
    }
}
