using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Analytics.Web.Hosting;

/// <summary>
/// Named rate limits, answered with 429. Only submissions count (POST): reading a form is free, sending it is what a
/// script hammers. Each limit is per client address, "forms" also per path, so one event's check-in page cannot use up
/// another's. The numbers are settings (RateLimits:Login:PermitLimit, :WindowSeconds; the same for Forms, CheckIn and
/// Uploads).
/// </summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Forms = "forms";
    public const string Uploads = "uploads";

    /// <summary>
    /// The check-in form: per address and event like the forms, but for a crowd. At the door most people check in over
    /// the venue's Wi-Fi, one address to us, and the 20 a minute of the other forms would turn the 21st away.
    /// </summary>
    public const string CheckIn = "checkin";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Login, http => Partition(http, Client(http), configuration, "Login", 10, 60));
            o.AddPolicy(Forms, http => Partition(http, Client(http) + " " + http.Request.Path.Value?.ToLowerInvariant(), configuration, "Forms", 20, 60));
            o.AddPolicy(CheckIn, http => Partition(http, Client(http) + " " + http.Request.Path.Value?.ToLowerInvariant(), configuration, "CheckIn", 300, 60));
            o.AddPolicy(Uploads, http => Partition(http, Client(http), configuration, "Uploads", 20, 60));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, string key, IConfiguration configuration, string name,
        int permits, int seconds)
    {
        if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        var section = configuration.GetSection($"RateLimits:{name}");
        var limit = section.GetValue("PermitLimit", permits);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", seconds));
        return RateLimitPartition.GetFixedWindowLimiter(name + " " + key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });
    }

    /// <summary>The client's address as Kestrel (or the forwarded-headers middleware behind a proxy) saw it.</summary>
    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
