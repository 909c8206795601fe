using System.Security.Claims;
using Analytics.Core.Audit;
using Analytics.Data.Accounts;
using Analytics.Data.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.Account;

/// <summary>Logga ut: a POST with its anti-forgery token, so no link or image on another site can log a person out.</summary>
[Authorize]
public sealed class LogoutModel(SignInManager<AnalyticsUser> signIn, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        await signIn.SignOutAsync();
        if (userId is not null) await audit.WriteAsync(userId, AuditActions.Logout, userId, cancellationToken: cancellationToken);
        return LocalRedirect(AccountPaths.Login);
    }
}
