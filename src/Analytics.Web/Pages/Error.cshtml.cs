using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages;

/// <summary>A plain page for errors and missing pages: a sentence and a reference, never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }
    public int Status { get; private set; }

    public void OnGet(int? status)
    {
        Status = status ?? 500;
        Response.StatusCode = Status;
        RequestId = Status == 404 ? null : Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
