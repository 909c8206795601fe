using Analytics.Core.Audit;
using Analytics.Core.Consent;
using Analytics.Data.Audit;
using Analytics.Ingest.CheckIn;
using Analytics.Web.Accounts;
using Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Analytics.Web.Pages.Admin.Consent;

/// <summary>
/// Samtyckestexter: every version of the consent text, newest (the one in use) first, and a form to add the next.
/// Versions are never edited, so each consent record keeps pointing at the words the person agreed to.
/// </summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class IndexModel(ConsentTexts texts, AuditLog audit) : PageModel
{
    public IReadOnlyList<ConsentText> Versions { get; private set; } = [];

    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? TextSv { get; set; }
    [BindProperty] public string? TextEn { get; set; }
    [BindProperty] public bool FollowUp { get; set; }

    /// <summary>What is wrong with the new version, as a Swedish key for the localiser.</summary>
    public string? Problem { get; private set; }
    public bool Added { get; private set; }

    public async Task OnGetAsync(bool tillagd, CancellationToken cancellationToken)
    {
        Added = tillagd;
        Versions = await texts.AllAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var purposes = ConsentPurposes.Statistics | (FollowUp ? ConsentPurposes.FollowUp : ConsentPurposes.None);
        var actor = Actor.Of(User);
        Problem = await texts.AddAsync(Version ?? "", TextSv ?? "", TextEn ?? "", purposes, actor, cancellationToken);
        if (Problem is not null)
        {
            Versions = await texts.AllAsync(cancellationToken);
            return Page();
        }
        await audit.WriteAsync(actor, AuditActions.SettingChanged, "consent-text", $"version={Version!.Trim()}", cancellationToken);
        return RedirectToPage(new { tillagd = true });
    }
}
