using Analytics.Ingest.CheckIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.CheckIn;

/// <summary>
/// The full-screen view for the organiser's screen or projector: the event's title, a large QR code and the short
/// address. For any staff account: it shows nothing but the public check-in page's address and the event's title,
/// which that page shows to anyone.
/// </summary>
public sealed class ScreenModel(CheckInService checkIn) : PageModel
{
    public CheckInEvent Event { get; private set; } = null!;
    public string Address { get; private set; } = "";
    public string Svg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await checkIn.FindAsync(slug, cancellationToken) is not { } found) return NotFound();
        Event = found;
        Address = CheckInQr.Url(Request, slug);
        Svg = CheckInQr.Svg(Address);
        return Page();
    }
}
