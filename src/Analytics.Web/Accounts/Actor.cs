using System.Security.Claims;
using Analytics.Core.Audit;

namespace Analytics.Web.Accounts;

/// <summary>The audit log's "who": the account's id, never its e-mail address.</summary>
public static class Actor
{
    public static string Of(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? AuditActors.Anonymous;
}
