using Analytics.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Analytics.Web.Hosting;

/// <summary>
/// /health/live: the process answers. /health/ready: it can also reach the database. Both answer only "Healthy" or
/// "Unhealthy" (the default writer) to everyone, so a caller learns nothing about the setup; the reason is in the log.
/// </summary>
public static class HealthEndpoints
{
    public const string Ready = "ready";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseCheck>("database", tags: [Ready]);
        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
    }

    private sealed class DatabaseCheck(AnalyticsDbContext db, ILogger<DatabaseCheck> log) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Readiness check could not reach the database");
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
        }
    }
}
