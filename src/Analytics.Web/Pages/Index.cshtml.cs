using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {

    }
}
