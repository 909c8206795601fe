using Analytics.Data;
using Analytics.Data.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Admin.Accounts;

/// <summary>
/// Konton: the staff accounts with their roles and host organisations, and the form that adds one. Admins only (the
/// /Admin folder's policy). The admin gives a first password and tells it to the person, who changes it at /konto/losenord.
/// </summary>
public sealed class IndexModel(AnalyticsDbContext db, AccountStore accounts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(Name = "epost")]
    public string? Email { get; set; }

    [BindProperty(Name = "roll")]
    public string? Role { get; set; }

    [BindProperty(Name = "organisation")]
    public List<int> Organisations { get; set; } = [];

    [BindProperty(Name = "losenord")]
    public string? Password { get; set; }

    public IReadOnlyList<AccountLine> Accounts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Hosts { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string? Added { get; private set; }
    public int MinimumLength => AccountRules.MinimumPasswordLength;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadHostsAsync(cancellationToken);
        await LoadAccountsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var role = Roles.Parse(Role);
        await LoadHostsAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Email) || role is null || string.IsNullOrEmpty(Password))
            Problems = [localizer["Fyll i e-postadress, roll och ett första lösenord."]];
        // A posted id that is no host would fail the foreign key only after the user is created: a 500 and half an account.
        else if (role == Roles.Organiser && (Organisations.Count == 0 || !Organisations.All(id => Hosts.Any(h => h.Id == id))))
            Problems = [localizer["Välj minst en värdorganisation för en arrangör."]];
        else
        {
            var organisations = role == Roles.Organiser ? Organisations : [];
            var (user, errors) = await accounts.CreateAsync(Email.Trim(), role, Password, Web.Accounts.Actor.Of(User), organisations, cancellationToken);
            if (user is null) Problems = errors;
            else
            {
                Added = user.Email;
                (Email, Role, Organisations) = (null, null, []);
            }
        }
        await LoadAccountsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadHostsAsync(CancellationToken cancellationToken) =>
        Hosts = [.. (await db.Organisations.AsNoTracking().Where(o => o.IsHost).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name })
            .ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name))];

    private async Task LoadAccountsAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.LockoutEnd }).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var links = await db.OrganiserOrganisations.AsNoTracking().Join(db.Organisations, l => l.OrganisationId, o => o.Id, (l, o) => new { l.UserId, o.Name })
            .ToListAsync(cancellationToken);
        // By the system clock, not the app's TimeProvider: Identity sets LockoutEnd by it.
        var now = DateTimeOffset.UtcNow;
        Accounts = [.. users.Select(u => new AccountLine(u.Id, u.Email ?? "",
            string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name).Order()),
            string.Join(", ", links.Where(l => l.UserId == u.Id).Select(l => l.Name).Order()),
            u.LockoutEnd > now))];
    }
}

public sealed record AccountLine(string Id, string Email, string Roles, string Organisations, bool LockedOut);
