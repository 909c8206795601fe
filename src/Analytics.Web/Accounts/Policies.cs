using Analytics.Data.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Analytics.Web.Accounts;

/// <summary>
/// Who may do what. Every endpoint without its own rule falls back to <see cref="Staff"/>, so a page added without a
/// thought is closed, not open; public pages say so with [AllowAnonymous].
/// </summary>
public static class Policies
{
    /// <summary>Any account with a role: the aggregate pages (overview, trends, quarters, balance, reach, principles).</summary>
    public const string Staff = "staff";

    /// <summary>Uploading and confirming imports: organisers (for their own events) and admins.</summary>
    public const string Import = "import";

    /// <summary>The quarterly steering packs: the steering group and admins.</summary>
    public const string Packs = "packs";

    /// <summary>Running the system: accounts, the audit log, settings and the job dashboard.</summary>
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions o)
    {
        var staff = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build();
        o.AddPolicy(Staff, staff);
        o.FallbackPolicy = staff;
        o.AddPolicy(Import, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Organiser));
        o.AddPolicy(Packs, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Steering));
        o.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}
