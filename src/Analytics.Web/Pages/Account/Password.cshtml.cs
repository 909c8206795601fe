using Analytics.Core.Audit;
using Analytics.Data.Accounts;
using Analytics.Data.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Account;

/// <summary>Byt lösenord: the current one, then the new one twice. The sign-in is renewed so other sessions' cookies lapse.</summary>
[Authorize]
public sealed class PasswordModel(UserManager<AnalyticsUser> users, SignInManager<AnalyticsUser> signIn, AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(Name = "nuvarande")]
    public string? Current { get; set; }

    [BindProperty(Name = "nytt")]
    public string? New { get; set; }

    [BindProperty(Name = "upprepa")]
    public string? Repeated { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Changed { get; private set; }
    public int MinimumLength => AccountRules.MinimumPasswordLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (string.IsNullOrEmpty(Current) || string.IsNullOrEmpty(New))
            Problems = [localizer["Fyll i det nuvarande och det nya lösenordet."]];
        else if (New != Repeated)
            Problems = [localizer["De två nya lösenorden är inte lika."]];
        else
        {
            var result = await users.ChangePasswordAsync(user, Current, New);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                await audit.WriteAsync(user.Id, AuditActions.UserChanged, user.Id, "password", cancellationToken);
                Changed = true;
            }
            else Problems = [.. result.Errors.Select(e => e.Description)];
        }
        return Page();
    }
}
