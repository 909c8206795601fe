using Analytics.Ingest.CheckIn;
using Analytics.Jobs.Scheduling;
using Analytics.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Analytics.Web.Pages.Withdrawal;

/// <summary>
/// Återkalla samtycke: public. The attendee gives the receipt's code, or the same e-mail or Meetup profile. The answer
/// is the same whether or not anything was found, so the page cannot be used to find out who attended.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Forms)]
public sealed class IndexModel(WithdrawalService withdrawals, ReportJobs jobs) : PageModel
{
    [BindProperty]
    public string? Identifier { get; set; }

    /// <summary>The honeypot, as on the check-in form.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public bool Done { get; private set; }
    public bool Empty { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Identifier))
        {
            Empty = true;
            return Page();
        }
        if (string.IsNullOrEmpty(Website))
            // The snapshots that used the removed answers are recomputed by a job per event; its argument is the id only.
            foreach (var eventId in await withdrawals.WithdrawAsync(Identifier, cancellationToken))
                jobs.EnqueueEvent(eventId);
        Identifier = null;
        Done = true;
        return Page();
    }
}
