using System.Globalization;
using Analytics.Core.Consent;
using Analytics.Core.Events;
using Analytics.Ingest.CheckIn;
using Analytics.Jobs.Scheduling;
using Analytics.Web.Hosting;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Analytics.Web.Pages.CheckIn;

/// <summary>
/// Incheckning: the 30-second form at the door, reached by the QR code on the screen. Public. The device gets a random
/// key in a long-lived cookie, so a second submission replaces the first. The work is done by <see cref="CheckInService"/>.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.CheckIn)]
public sealed class IndexModel(CheckInService checkIn, ConsentTexts texts, ReportJobs jobs, TimeProvider clock) : PageModel
{
    public const string DeviceCookie = "otg-enhet";

    public CheckInEvent Event { get; private set; } = null!;
    public ConsentText Text { get; private set; } = null!;
    public IReadOnlyList<OrganisationChoice> Organisations { get; private set; } = [];

    [BindProperty]
    public CheckInForm Form { get; set; } = new();

    /// <summary>Set once the check-in is saved: the receipt is shown instead of the form.</summary>
    public CheckInOutcome? Saved { get; private set; }

    /// <summary>What to fix, as a Swedish key for the localiser.</summary>
    public string? Problem { get; private set; }

    public static bool English => CategoryNames.English;

    public DateTime Local(DateTime utc) => Quarter.ToStockholm(utc);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (!Event.IsOpen) return Page();
        // A bot that filled in the hidden field gets the receipt it expects, and nothing is saved.
        if (!string.IsNullOrEmpty(Form.Website))
        {
            Saved = new CheckInOutcome(CheckInStatus.Saved, Event.Id);
            return Page();
        }

        var language = English ? "en" : "sv";
        var outcome = await checkIn.SubmitAsync(slug, DeviceKey(), Form.Answers(language), cancellationToken);
        switch (outcome.Status)
        {
            case CheckInStatus.Saved:
                jobs.EnqueueEvent(outcome.EventId);
                Saved = outcome;
                break;
            case CheckInStatus.NotFound:
                return NotFound();
            case CheckInStatus.Closed:
                Event = Event with { IsOpen = false };
                break;
            case CheckInStatus.UnknownIdentifier:
                Problem = "Skriv en e-postadress eller adressen till din Meetup-profil, eller lämna fältet tomt.";
                break;
            case CheckInStatus.UnknownOrganisation:
                Problem = "Välj en organisation ur listan, eller kryssa i att din organisation inte finns i listan.";
                break;
            case CheckInStatus.OldConsentText:
                Problem = "Samtyckestexten har just ändrats. Läs den nya texten och skicka igen.";
                Form.Consent = false;
                break;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await checkIn.FindAsync(slug, cancellationToken) is not { } found) return false;
        Event = found;
        Text = await texts.CurrentAsync(cancellationToken);
        Organisations = await checkIn.OrganisationsAsync(cancellationToken);
        return true;
    }

    /// <summary>The device's key from its cookie, or a new one written now; HttpOnly, so no script on any page can read it.</summary>
    private string DeviceKey()
    {
        if (Request.Cookies[DeviceCookie] is { } existing && CheckInService.IsDeviceKey(existing)) return existing;
        var key = CheckInService.NewDeviceKey();
        Response.Cookies.Append(DeviceCookie, key, new CookieOptions
        {
            HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, Path = CheckInQr.PathPrefix.TrimEnd('/'),
            Expires = clock.GetUtcNow().AddYears(2),
        });
        return key;
    }

    public string Name(Analytics.Core.Taxonomies.Category category) => category.Name(English);

    public static string Time(DateTime local) => local.ToString("d MMMM HH:mm", CultureInfo.CurrentCulture);
}
