using Analytics.Core.Events;
using Analytics.Reporting.Excel;
using Analytics.Reporting.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.Packs;

/// <summary>/paket/2026Q1.xlsx: a stored steering pack, the bytes the quarterly job built, unchanged.</summary>
public sealed class DownloadModel(SteeringPackStore packs, Analytics.Data.Audit.AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string quarter, CancellationToken cancellationToken)
    {
        if (!Quarter.TryParse(quarter, out var q) || await packs.ContentAsync(q, cancellationToken) is not { } content) return NotFound();
        await audit.WriteAsync(Accounts.Actor.Of(User), Core.Audit.AuditActions.ExportDownloaded, Request.Path.Value, cancellationToken: cancellationToken);
        return File(content, WorkbookWriter.ContentType, ExportFiles.QuarterFileName(q, ExportFormat.Xlsx, ExportLanguage.Swedish));
    }
}
