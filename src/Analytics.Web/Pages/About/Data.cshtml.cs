using Analytics.Core.Disclosure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.About;

/// <summary>Om datan: what is collected, on what consent, how figures are protected, and how long data is kept.</summary>
[AllowAnonymous]
public sealed class DataModel(DisclosureControl disclosure) : PageModel
{
    public int K => disclosure.K;

    public void OnGet()
    {
    }
}
