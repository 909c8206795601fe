using Analytics.Web.Hosting;
using Microsoft.AspNetCore.Localization;

namespace Analytics.Web.Pages.Shared;

/// <summary>
/// The language link in the header: /sprak/en-GB?tillbaka=/evenemang stores the choice in ASP.NET's culture cookie
/// for a year and returns to the page the person was on. A plain link, so it works without script and by keyboard.
/// </summary>
public static class LanguageSwitch
{
    public const string Path = "/sprak";

    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path + "/{culture}", (string culture, string? tillbaka, HttpContext http) =>
        {
            var chosen = WebServices.Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
            if (chosen is not null)
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions
                    {
                        Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true,
                        SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = "/",
                    });
            return Results.LocalRedirect(IsLocal(tillbaka) ? tillbaka! : "/");
        });
        return app;
    }

    /// <summary>The link that switches to the other language and comes back here, without a ?culture= that would outvote the cookie.</summary>
    public static string Href(HttpRequest request, string culture)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !string.Equals(q.Key, "culture", StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, "ui-culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        var back = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"{Path}/{culture}", "tillbaka", back);
    }

    /// <summary>Only a path on this site: "//host" and "/\host" would leave it.</summary>
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
