using Analytics.Data;
using Analytics.Data.Accounts;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Web.Accounts;

/// <summary>Staff accounts (Identity on the analytics database), the login cookie, the rules and the shared key ring.</summary>
public static class AccountServices
{
    public const string LoginPath = Pages.Account.AccountPaths.Login;

    /// <summary>
    /// Outside Development the cookies carry the __Host- prefix: the browser then accepts them only over HTTPS, for this
    /// host alone and for the whole site, so a sibling subdomain cannot plant or read them.
    /// </summary>
    public static string CookieName(IHostEnvironment environment, string name) =>
        environment.IsDevelopment() ? name : "__Host-" + name;

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var environment = builder.Environment;
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.AddIdentity<AnalyticsUser, IdentityRole>(AccountRules.Configure)
            .AddEntityFrameworkStores<AnalyticsDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<SwedishIdentityErrors>();
        services.AddScoped<AccountStore>();
        services.AddScoped<EventAccess>();
        services.AddHttpContextAccessor();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = Pages.Account.AccountPaths.Logout;
            o.Cookie.Name = CookieName(environment, "otg.konto");
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Pages send a person to the login; downloads, the API and the dashboard answer with a status a script can read.
            o.Events.OnRedirectToLogin = context =>
            {
                if (IsPage(context.Request)) context.Response.Redirect(context.RedirectUri);
                else context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            // Logged in but not allowed: a plain 403 with the error page, no redirect to a page that would say the same.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = CookieName(environment, "otg.formular");
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.Secure = secure;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.AddAuthorization(Policies.Add);

        // One key ring in the database: every web node decrypts the others' login cookies and anti-forgery tokens.
        services.AddDataProtection()
            .SetApplicationName("OTG Analytics")
            .PersistKeysToDbContext<AnalyticsDbContext>();
        return builder;
    }

    private static bool IsPage(HttpRequest request) =>
        !(request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/export") ||
          request.Path.StartsWithSegments("/hangfire") || request.Path.StartsWithSegments("/health"));
}
