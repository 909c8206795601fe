using Analytics.Core.Events;
using Analytics.Data;
using Analytics.Ingest;
using Analytics.Ingest.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Import;

/// <summary>Importera: choose the event and the file; the file is kept as an upload and previewed before anything is saved.</summary>
[TypeFilter<UploadSizeLimit>]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.Uploads)]
public sealed class IndexModel(AnalyticsDbContext db, UploadStore uploads, ImportLimits limits, IStringLocalizer<SharedResource> localizer,
    Accounts.EventAccess access) : PageModel
{
    [BindProperty(Name = "event", SupportsGet = true)]
    public string? Event { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? ChosenFile { get; set; }

    [BindProperty(Name = "kind")]
    public string? Kind { get; set; }

    public IReadOnlyList<EventChoice> Events { get; private set; } = [];

    public long MaxMegabytes => limits.MaxBytes / (1024 * 1024);

    public async Task OnGetAsync(string? fel, CancellationToken cancellationToken)
    {
        if (fel == UploadSizeLimit.TooLarge) ModelState.AddModelError("file", uploads.TooLarge(null));
        Events = await EventChoice.ListAsync(db, access, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Event)) ModelState.AddModelError("event", localizer["Välj evenemanget som filen gäller."]);
        else if (!await db.Events.AnyAsync(e => e.Slug == Event, cancellationToken) || !await access.MayImportAsync(Event, cancellationToken))
            ModelState.AddModelError("event", localizer["Evenemanget finns inte längre; välj ett i listan."]);
        if (ChosenFile is null) ModelState.AddModelError("file", localizer["Välj filen som ska importeras."]);

        if (ModelState.IsValid)
        {
            await using var content = ChosenFile!.OpenReadStream();
            var kind = ImportTerms.UploadKinds.Contains(Kind) && Kind is { Length: > 0 } ? Kind : null;
            var (upload, refusal) = await uploads.SaveAsync(content, ChosenFile.FileName, Event!, kind, cancellationToken);
            if (upload is not null) return RedirectToPage("Preview", new { token = upload.Token });
            ModelState.AddModelError("file", refusal!);
        }
        Events = await EventChoice.ListAsync(db, access, cancellationToken);
        return Page();
    }

    public string? Error(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;
}

/// <summary>One event in the upload's list: newest first, with its date to tell repeated titles apart.</summary>
public sealed record EventChoice(string Slug, string Title, DateTime StartsLocal)
{
    /// <summary>Only the events the account may import for: an organiser's own, or all for an admin.</summary>
    public static async Task<IReadOnlyList<EventChoice>> ListAsync(AnalyticsDbContext db, Accounts.EventAccess access, CancellationToken cancellationToken)
    {
        var events = db.Events.AsNoTracking();
        if (await access.ImportableEventIdsAsync(cancellationToken) is { } own) events = events.Where(e => own.Contains(e.Id));
        return await ListAsync(events, cancellationToken);
    }

    private static async Task<IReadOnlyList<EventChoice>> ListAsync(IQueryable<Event> events, CancellationToken cancellationToken) =>
        (await events.OrderByDescending(e => e.StartsAtUtc).Select(e => new { e.Slug, e.Title, e.StartsAtUtc })
            .ToListAsync(cancellationToken))
        .Select(e => new EventChoice(e.Slug, e.Title, Quarter.ToStockholm(e.StartsAtUtc))).ToList();
}
