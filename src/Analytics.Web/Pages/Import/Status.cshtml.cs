using Analytics.Ingest.Uploads;
using Analytics.Jobs.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.Import;

/// <summary>Importen pågår: the confirmed upload's progress, until the batch page can take over.</summary>
public sealed class StatusModel(UploadStore uploads, ImportProgressBoard board, Accounts.EventAccess access) : PageModel
{
    /// <summary>Seconds between reloads while the import waits or runs.</summary>
    public const int RefreshSeconds = 2;

    public Upload Upload { get; private set; } = null!;
    public ImportProgress Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await uploads.FindAsync(token, cancellationToken) is not { } upload || !await access.MayImportAsync(upload.EventSlug, cancellationToken))
            return NotFound();
        if (board.For(upload) is not { } progress) return RedirectToPage("Preview", new { token });
        if (progress is { State: ImportState.Done, BatchId: { } batchId }) return Redirect($"/import/batch/{batchId}");
        (Upload, Progress) = (upload, progress);
        return Page();
    }
}
