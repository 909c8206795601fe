using System.Net;
using Analytics.Data.Configuration;
using Microsoft.AspNetCore.HttpOverrides;

namespace Analytics.Web.Hosting;

/// <summary>
/// Behind a proxy or load balancer that ends TLS, the app sees the proxy's address and plain HTTP. X-Forwarded-For and
/// X-Forwarded-Proto restore the client's address (for rate limits and the log) and the scheme (so HTTPS redirection, HSTS
/// and Secure cookies behave), but only from proxies named in ForwardedHeaders:KnownProxies (addresses) or
/// ForwardedHeaders:KnownNetworks (CIDR, e.g. 10.0.0.0/24), besides the loopback proxy ASP.NET Core always trusts: a
/// header from anyone else is ignored, or a client could choose its own address and escape the rate limits.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = Parse(Values(section.GetSection("KnownProxies")), "KnownProxies",
            (string text, out IPAddress address) => IPAddress.TryParse(text, out address!));
        var networks = Parse(Values(section.GetSection("KnownNetworks")), "KnownNetworks",
            (string text, out System.Net.IPNetwork network) => System.Net.IPNetwork.TryParse(text, out network));
        var limit = section["ForwardLimit"] is not { Length: > 0 } text ? 1
            : int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var forwards) && forwards > 0
                ? forwards
                : throw new ConfigurationProblem($"ForwardedHeaders:ForwardLimit är ”{text}”; ange hur många proxyer som står framför appen, ett heltal från 1.");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy in front by default; a CDN before the load balancer makes it two.
            o.ForwardLimit = limit;
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>A list in configuration: array entries (KnownProxies:0, KnownProxies__0) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { Length: > 0 } single ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value ?? ""))
        .Select(v => v.Trim()).Where(v => v.Length > 0);

    private delegate bool TryParse<T>(string text, out T value);

    private static List<T> Parse<T>(IEnumerable<string> values, string name, TryParse<T> parse) =>
        values.Select(v => parse(v, out var value) ? value
            : throw new ConfigurationProblem(typeof(T) == typeof(IPAddress)
                ? $"ForwardedHeaders:{name} innehåller ”{v}”, som inte är en IP-adress."
                : $"ForwardedHeaders:{name} innehåller ”{v}”, som inte är ett nät som 10.0.0.0/24."))
        .ToList();
}
