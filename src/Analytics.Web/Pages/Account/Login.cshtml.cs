using Analytics.Core.Audit;
using Analytics.Data.Accounts;
using Analytics.Data.Audit;
using Analytics.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Account;

/// <summary>
/// Logga in: e-mail and password. Five wrong passwords lock the account for 15 minutes; every attempt is audited by
/// account id (never by the address typed), and the answer to a wrong address and a wrong password is the same.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(SignInManager<AnalyticsUser> signIn, UserManager<AnalyticsUser> users, AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(Name = "epost")]
    public string? Email { get; set; }

    [BindProperty(Name = "losenord")]
    public string? Password { get; set; }

    [BindProperty(Name = "tillbaka", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Problem = localizer["Skriv din e-postadress och ditt lösenord."];
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            await audit.WriteAsync(AuditActors.Anonymous, AuditActions.LoginFailed, cancellationToken: cancellationToken);
            Problem = localizer["Fel e-postadress eller lösenord."];
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(user.Id, AuditActions.LoginSucceeded, user.Id, cancellationToken: cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(user.Id, AuditActions.LockedOut, user.Id, cancellationToken: cancellationToken);
            Problem = localizer["Kontot är låst efter för många felaktiga försök. Försök igen om 15 minuter."];
            return Page();
        }
        await audit.WriteAsync(user.Id, AuditActions.LoginFailed, user.Id, cancellationToken: cancellationToken);
        Problem = localizer["Fel e-postadress eller lösenord."];
        return Page();
    }
}
