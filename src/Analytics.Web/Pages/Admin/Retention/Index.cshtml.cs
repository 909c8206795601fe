using Analytics.Jobs.Retention;
using Analytics.Web.Accounts;
using Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Analytics.Web.Pages.Admin.Retention;

/// <summary>Lagringstid: how many months per-person rows are kept before the daily purge removes them, within the bounds.</summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class IndexModel(RetentionPeriod period) : PageModel
{
    public const int Min = RetentionSettings.MinMonths;
    public const int Max = RetentionSettings.MaxMonths;

    public int Current { get; private set; }

    [BindProperty] public int? Months { get; set; }

    public bool Refused { get; private set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool sparad, CancellationToken cancellationToken)
    {
        Saved = sparad;
        Current = await period.MonthsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Months is { } months && await period.SetAsync(months, Actor.Of(User), cancellationToken))
            return RedirectToPage(new { sparad = true });
        Refused = true;
        Current = await period.MonthsAsync(cancellationToken);
        return Page();
    }
}
