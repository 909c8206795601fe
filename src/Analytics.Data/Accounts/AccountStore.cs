using Analytics.Core.Audit;
using Analytics.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Accounts;

/// <summary>
/// Creates accounts and gives them roles and host organisations: one place for the command line, the admin pages and the
/// Development demo accounts, so each change is audited the same way.
/// </summary>
public sealed class AccountStore(UserManager<AnalyticsUser> users, RoleManager<IdentityRole> roles, AnalyticsDbContext db, AuditLog audit)
{
    /// <summary>Creates the account with the role; the errors are Identity's sentences, empty when it worked.</summary>
    public async Task<(AnalyticsUser? User, IReadOnlyList<string> Errors)> CreateAsync(string email, string role, string password,
        string actor, IReadOnlyCollection<int>? organisations = null, CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync();
        if (Roles.Parse(role) is not { } canonical) return (null, [$"Unknown role '{role}'; use one of {string.Join(", ", Roles.All)}."]);
        var user = new AnalyticsUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return (null, [.. created.Errors.Select(e => e.Description)]);
        await users.AddToRoleAsync(user, canonical);
        await audit.WriteAsync(actor, AuditActions.UserCreated, user.Id, cancellationToken: cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RoleChanged, user.Id, $"added={canonical}", cancellationToken);
        if (organisations is { Count: > 0 }) await SetOrganisationsAsync(user.Id, organisations, actor, cancellationToken);
        return (user, []);
    }

    /// <summary>Replaces the host organisations an organiser account may work for.</summary>
    public async Task SetOrganisationsAsync(string userId, IReadOnlyCollection<int> organisations, string actor, CancellationToken cancellationToken = default)
    {
        db.OrganiserOrganisations.RemoveRange(await db.OrganiserOrganisations.Where(o => o.UserId == userId).ToListAsync(cancellationToken));
        db.OrganiserOrganisations.AddRange(organisations.Distinct().Select(id => new OrganiserOrganisation { UserId = userId, OrganisationId = id }));
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(actor, AuditActions.UserChanged, userId, $"organisations={organisations.Distinct().Count()}", cancellationToken);
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }
}
