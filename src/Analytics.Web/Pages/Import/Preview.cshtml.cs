using Analytics.Data;
using Analytics.Ingest;
using Analytics.Ingest.Uploads;
using Analytics.Jobs.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Import;

/// <summary>
/// Förhandsgranska: the upload imported as a dry run with the organiser's mapping (nothing is saved), the form that says
/// which question each column answers, the mapping form for the answers that matched nothing, and the confirmation that
/// starts the real import.
/// </summary>
// Every unmapped answer posts a few fields; a file with many unknown organisations needs more than the default 1024.
[RequestFormLimits(ValueCountLimit = 20_000)]
public sealed class PreviewModel(AnalyticsDbContext db, UploadStore uploads, ImportService imports, ImportJobs jobs, ImportLimits limits,
    IStringLocalizer<SharedResource> localizer, Accounts.EventAccess access, Data.Audit.AuditLog audit) : PageModel
{
    public const int ErrorsShown = 100;

    /// <summary>The preview's query value after a confirmation turned back for changed columns.</summary>
    private const string ChangedColumns = "kolumner";

    public Upload Upload { get; private set; } = null!;
    public string EventTitle { get; private set; } = "";
    public ImportResult Preview { get; private set; } = null!;
    public MappingChoices Options { get; private set; } = null!;

    /// <summary>The file's columns to choose questions for; null when the preview offers none (see <see cref="ColumnChoices.Offered"/>).</summary>
    public ColumnChoices? FileColumns { get; private set; }

    /// <summary>Set when a confirmation was turned back because it changed which columns are read.</summary>
    public bool ColumnsChanged { get; private set; }

    [BindProperty]
    public List<ValueChoice> Choices { get; set; } = [];

    [BindProperty]
    public List<ColumnChoice> Columns { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, string? granska, CancellationToken cancellationToken)
    {
        if (await uploads.FindAsync(token, cancellationToken) is not { } upload || !await access.MayImportAsync(upload.EventSlug, cancellationToken))
            return NotFound();
        if (upload.ConfirmedAtUtc is not null || upload.Finished) return RedirectToPage("Status", new { token });
        ColumnsChanged = granska == ChangedColumns;
        return await ShowAsync(upload, null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostPreviewAsync(string token, CancellationToken cancellationToken) => SaveAsync(token, false, cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(string token, CancellationToken cancellationToken) => SaveAsync(token, true, cancellationToken);

    private async Task<IActionResult> SaveAsync(string token, bool confirm, CancellationToken cancellationToken)
    {
        if (await uploads.FindAsync(token, cancellationToken) is not { } upload || !await access.MayImportAsync(upload.EventSlug, cancellationToken))
            return NotFound();
        if (upload.ConfirmedAtUtc is not null || upload.Finished) return RedirectToPage("Status", new { token });

        // Without answer rows (a file refused for its columns) there is nothing to change: every stored answer is a row.
        var (mapping, missingSector) = Choices.Count == 0
            ? (upload.Mapping, (IReadOnlyList<int>)[])
            : (await MappingChoices.LoadAsync(db, cancellationToken)).ToMapping(upload.Mapping, Choices);
        foreach (var i in missingSector)
            ModelState.AddModelError($"Choices[{i}].NewSector", localizer["Välj sektor för den nya organisationen ”{0}”.", Choices[i].Value ?? ""]);

        var columnsChanged = false;
        if (Columns.Count > 0 && await FileHeader.ReadAsync(uploads, upload, limits, cancellationToken) is { } header)
        {
            var columns = new ColumnChoices(header, upload.Kind);
            var (chosen, problems) = columns.ToColumns(Columns, mapping, localizer);
            foreach (var (row, message) in problems) ModelState.AddModelError($"Columns[{row}].Question", message);
            var next = mapping with { Columns = chosen };
            columnsChanged = columns.Changes(upload.Mapping, next);
            mapping = next;
        }
        if (!ModelState.IsValid) return await ShowAsync(upload, Choices, Columns, cancellationToken);

        upload = await uploads.SaveMappingAsync(upload, mapping, cancellationToken);
        if (!confirm) return RedirectToPage(new { token });
        // Other columns read means other rows, counts and answers: the organiser sees them before anything is imported.
        if (columnsChanged) return RedirectToPage(new { token, granska = ChangedColumns });
        await jobs.StartAsync(upload, cancellationToken);
        await audit.WriteAsync(Accounts.Actor.Of(User), Core.Audit.AuditActions.ImportConfirmed, upload.EventSlug, $"upload={upload.Token}", cancellationToken);
        return RedirectToPage("Status", new { token });
    }

    /// <summary>The dry run with the stored mapping; after a refused post, the organiser's own choices stay in the form.</summary>
    private async Task<IActionResult> ShowAsync(Upload upload, List<ValueChoice>? posted, List<ColumnChoice>? postedColumns,
        CancellationToken cancellationToken)
    {
        await using var content = uploads.OpenContent(upload);
        if (content is null) return NotFound();
        Upload = upload;
        EventTitle = await db.Events.Where(e => e.Slug == upload.EventSlug).Select(e => e.Title).SingleOrDefaultAsync(cancellationToken) ?? upload.EventSlug;
        Preview = await imports.ImportAsync(new ImportRequest(content, upload.FileName, upload.EventSlug, ImportUploadJob.ImportedBy)
        {
            Kind = upload.Kind, Mapping = upload.Mapping, DryRun = true,
        }, cancellationToken);
        Options = await MappingChoices.LoadAsync(db, cancellationToken);
        Choices = posted ?? MappingChoices.For(Preview, upload.Mapping);
        var header = await FileHeader.ReadAsync(uploads, upload, limits, cancellationToken);
        var columns = header is null ? null : new ColumnChoices(header, upload.Kind);
        if (columns?.Offered(Preview, upload.Mapping) == true)
        {
            FileColumns = columns;
            Columns = postedColumns ?? columns.For(Preview, upload.Mapping);
        }
        return Page();
    }

    public string? Error(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;
}
