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
        // Read and checked once, at start: a bad value stops the start with one sentence instead of failing every
        // submission (at the door, every check-in) with an error page.
        var login = Window.From(configuration, "Login", 10, 60);
        var forms = Window.From(configuration, "Forms", 20, 60);
        var checkIn = Window.From(configuration, "CheckIn", 300, 60);
        var uploads = Window.From(configuration, "Uploads", 20, 60);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Login, http => Partition(http, Client(http), Login, login));
            o.AddPolicy(Forms, http => Partition(http, Client(http) + " " + http.Request.Path.Value?.ToLowerInvariant(), Forms, forms));
            o.AddPolicy(CheckIn, http => Partition(http, Client(http) + " " + http.Request.Path.Value?.ToLowerInvariant(), CheckIn, checkIn));
            o.AddPolicy(Uploads, http => Partition(http, Client(http), Uploads, uploads));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, string key, string name, Window window) =>
        HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(name + " " + key,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = window.Permits, Window = TimeSpan.FromSeconds(window.Seconds), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read");

    /// <summary>One limit: so many submissions in so many seconds (RateLimits:{name}:PermitLimit and :WindowSeconds).</summary>
    private sealed record Window(int Permits, int Seconds)
    {
        public static Window From(IConfiguration configuration, string name, int permits, int seconds)
        {
            var section = configuration.GetSection($"RateLimits:{name}");
            return new Window(Positive(section, name, "PermitLimit", permits), Positive(section, name, "WindowSeconds", seconds));
        }

        private static int Positive(IConfigurationSection section, string name, string setting, int fallback)
        {
            var text = section[setting];
            if (string.IsNullOrWhiteSpace(text)) return fallback;
            return int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new Data.Configuration.ConfigurationProblem($"RateLimits:{name}:{setting} är ”{text}”; ange ett heltal från 1.");
        }
    }

    /// <summary>The client's address as Kestrel (or the forwarded-headers middleware behind a proxy) saw it.</summary>
    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
