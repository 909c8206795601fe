using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.About;

/// <summary>Tillgänglighetsredogörelse, in the form Digg prescribes (lagen om tillgänglighet till digital offentlig service).</summary>
[AllowAnonymous]
public sealed class AccessibilityModel(AccessibilityContact contact) : PageModel
{
    public AccessibilityContact Contact => contact;

    public void OnGet()
    {
    }
}
