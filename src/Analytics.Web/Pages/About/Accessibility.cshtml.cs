using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.About;

/// <summary>Tillgänglighetsredogörelse, in the form Digg prescribes (lagen om tillgänglighet till digital offentlig service).</summary>
[AllowAnonymous]
public sealed class AccessibilityModel : PageModel
{
    public void OnGet()
    {
    }
}
