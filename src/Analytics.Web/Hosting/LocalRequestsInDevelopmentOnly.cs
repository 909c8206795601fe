using Hangfire.Dashboard;

namespace Analytics.Web.Hosting;

/// <summary>
/// Lets the Hangfire dashboard through only in Development and only from the machine itself; everywhere else it is
/// refused to everyone. The accounts issue (8) replaces this with an admin-role check.
/// </summary>
public sealed class LocalRequestsInDevelopmentOnly(IHostEnvironment environment) : IDashboardAuthorizationFilter
{
    private static readonly LocalRequestsOnlyAuthorizationFilter LocalRequestsOnly = new();

    public bool Authorize(DashboardContext context) => environment.IsDevelopment() && LocalRequestsOnly.Authorize(context);
}
