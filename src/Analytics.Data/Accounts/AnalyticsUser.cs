using Microsoft.AspNetCore.Identity;

namespace Analytics.Data.Accounts;

/// <summary>
/// A staff account (admin, organiser, steering), never an attendee. It holds only what logging in needs: the e-mail
/// address as user name, the password hash, the lockout counters. Organisers are tied to host organisations through
/// <see cref="OrganiserOrganisation"/>.
/// </summary>
public sealed class AnalyticsUser : IdentityUser
{
}

/// <summary>An organiser account may see, import and export the events its host organisations hold.</summary>
public sealed class OrganiserOrganisation
{
    public required string UserId { get; set; }
    public int OrganisationId { get; set; }
}

/// <summary>The three roles. Anonymous visitors have none and see only the public pages.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Organiser = "Organiser";
    public const string Steering = "Steering";

    public static readonly IReadOnlyList<string> All = [Admin, Organiser, Steering];

    /// <summary>The role's canonical name from what a person typed (admin, ORGANISER), or null when it is none of them.</summary>
    public static string? Parse(string? text) => All.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase));
}
