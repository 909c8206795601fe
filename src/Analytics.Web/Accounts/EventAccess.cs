using System.Security.Claims;
using Analytics.Data;
using Analytics.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Accounts;

/// <summary>
/// The owner rule, checked against the database on every request that names one event (by slug, upload or batch):
/// admins and the steering group see every event in detail, an organiser only the events its host organisations hold,
/// and only admins and those organisers import. Everything else is an aggregate and open to every role. A refusal is a
/// 404, the same answer as for an event that does not exist, so guessing slugs tells nothing.
/// </summary>
public sealed class EventAccess(IHttpContextAccessor http, AnalyticsDbContext db)
{
    private IReadOnlyList<int>? _organisations;

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>True for roles that see every event in detail.</summary>
    public bool SeesEveryEvent => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Steering);

    public async Task<bool> MaySeeAsync(string slug, CancellationToken cancellationToken = default) =>
        SeesEveryEvent || (User.IsInRole(Roles.Organiser) && await HostsAsync(db.Events.Where(e => e.Slug == slug), cancellationToken));

    public async Task<bool> MayImportAsync(string slug, CancellationToken cancellationToken = default) =>
        User.IsInRole(Roles.Admin) || (User.IsInRole(Roles.Organiser) && await HostsAsync(db.Events.Where(e => e.Slug == slug), cancellationToken));

    public async Task<bool> MayImportAsync(int? eventId, CancellationToken cancellationToken = default) =>
        User.IsInRole(Roles.Admin) || (eventId is { } id && User.IsInRole(Roles.Organiser) && await HostsAsync(db.Events.Where(e => e.Id == id), cancellationToken));

    /// <summary>The slugs of the events this account sees in detail, or null for all of them.</summary>
    public async Task<IReadOnlySet<string>?> VisibleSlugsAsync(CancellationToken cancellationToken = default)
    {
        if (SeesEveryEvent) return null;
        var organisations = await OrganisationsAsync(cancellationToken);
        return (await db.Events.Where(e => e.Hosts.Any(h => organisations.Contains(h.OrganisationId))).Select(e => e.Slug)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The ids of the events this account may import for, or null for all of them (admins).</summary>
    public async Task<IReadOnlySet<int>?> ImportableEventIdsAsync(CancellationToken cancellationToken = default)
    {
        if (User.IsInRole(Roles.Admin)) return null;
        if (!User.IsInRole(Roles.Organiser)) return new HashSet<int>();
        var organisations = await OrganisationsAsync(cancellationToken);
        return (await db.Events.Where(e => e.Hosts.Any(h => organisations.Contains(h.OrganisationId))).Select(e => e.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
    }

    private async Task<bool> HostsAsync(IQueryable<Core.Events.Event> events, CancellationToken cancellationToken)
    {
        var organisations = await OrganisationsAsync(cancellationToken);
        return organisations.Count > 0 && await events.AnyAsync(e => e.Hosts.Any(h => organisations.Contains(h.OrganisationId)), cancellationToken);
    }

    private async Task<IReadOnlyList<int>> OrganisationsAsync(CancellationToken cancellationToken)
    {
        if (_organisations is not null) return _organisations;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return _organisations = userId is null ? [] : await db.OrganiserOrganisations.Where(o => o.UserId == userId)
            .Select(o => o.OrganisationId).ToListAsync(cancellationToken);
    }

    /// <summary>For minimal API endpoints with a {slug}: answers 404 unless the account may see that event.</summary>
    public static async ValueTask<object?> RequireEventFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var slug = context.HttpContext.Request.RouteValues["slug"] as string ?? "";
        var access = context.HttpContext.RequestServices.GetRequiredService<EventAccess>();
        return await access.MaySeeAsync(slug, context.HttpContext.RequestAborted)
            ? await next(context)
            : Results.Problem($"Det finns inget evenemang ”{slug}”.", statusCode: StatusCodes.Status404NotFound);
    }
}
