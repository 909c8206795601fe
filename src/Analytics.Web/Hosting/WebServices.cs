using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Analytics.Data.Configuration;
using Analytics.Jobs;
using Analytics.Jobs.Imports;
using Analytics.Jobs.Scheduling;
using Analytics.Web.Accounts;
using Analytics.Web.Api;
using Analytics.Web.Pages.Shared;
using Hangfire;
using Microsoft.AspNetCore.Localization;

namespace Analytics.Web.Hosting;

public static class WebServices
{
    public static readonly CultureInfo[] Cultures = [new("sv-SE"), new("en-GB")];

    /// <summary>
    /// The analytics services, Razor Pages in Swedish and English, and a Hangfire job server unless Jobs:Server is false
    /// (web-only nodes in front of separate workers).
    /// </summary>
    public static WebApplicationBuilder AddAnalyticsWeb(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddEnvironmentVariables("ANALYTICS_");
        builder.Services.AddAnalytics(builder.Configuration);
        builder.AddAccounts();
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddProxyHeaders(builder.Configuration);
        builder.Services.AddHealthEndpoints();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Write å, ä and ö as themselves, not as &#xE5;: smaller pages and readable source for screen-reader debugging.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AddPageRoute("/Events/Index", "evenemang");
                o.Conventions.AddPageRoute("/Events/Report", "evenemang/{slug}");
                o.Conventions.AddPageRoute("/Trends/Index", "trender");
                o.Conventions.AddPageRoute("/Quarterly/Index", "kvartal");
                o.Conventions.AddPageRoute("/Quarterly/Report", "kvartal/{quarter}");
                o.Conventions.AddPageRoute("/OpenData/Index", "oppna-data");
                o.Conventions.AddPageRoute("/Balance/Index", "balans");
                o.Conventions.AddPageRoute("/Reach/Index", "rackvidd");
                o.Conventions.AddPageRoute("/Principles/Index", "principerna");
                // Everything else needs a role (the fallback policy, Policies.Staff); these folders need a particular one.
                o.Conventions.AuthorizeFolder("/Import", Policies.Import);
                o.Conventions.AuthorizeFolder("/Packs", Policies.Packs);
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                o.Conventions.AllowAnonymousToPage("/OpenData/Index");
                o.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddViewLocalization();
        builder.Services.AddScoped<CategoryNames>();
        // One per process: what the report pages read, by the reports revision (see PageDataCache).
        builder.Services.AddSingleton<Pages.Shared.PageDataCache>();
        builder.Services.AddSingleton(Pages.Events.EventListSettings.From(builder.Configuration));
        builder.Services.AddSingleton(Pages.About.AccessibilityContact.From(builder.Configuration, builder.Environment));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            // Swedish unless the person chose English (?culture=en-GB or the language link's cookie).
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        var jobs = JobSettings.From(builder.Configuration);
        builder.Services.AddHangfire((services, c) => c.UseAnalyticsJobs(services.GetRequiredService<DatabaseSettings>(), jobs));
        if (jobs.Server) builder.Services.AddHangfireServer(o => JobServer.Configure(o, jobs));
        else if (DatabaseSettings.From(builder.Configuration).Provider == DatabaseProvider.Sqlite)
            // The embedded default keeps its queue in this process's memory: no other process could ever run its jobs.
            throw new ConfigurationProblem(
                "Jobs:Server=false passar bara med SQL Server eller PostgreSQL, där separata jobbservrar (Analytics.Worker) delar kön; " +
                "den inbäddade SQLite-databasen kör sina jobb i webbappen.");
        builder.Services.AddScoped<ReportJobs>();
        builder.Services.AddScoped<ImportJobs>();
        return builder;
    }

    public static WebApplication UseAnalyticsWeb(this WebApplication app)
    {
        // First, so that everything after it (HTTPS redirection, rate limits, the log) sees the client, not the proxy.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseRequestLocalization();
        // Sentences written below the web layer (disclosure notes, import messages) follow the page's language.
        app.Use((context, next) =>
        {
            if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en") Analytics.Core.Localisation.Sentences.UseEnglish();
            return next(context);
        });
        app.UseStaticFiles();
        app.UseCookiePolicy();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapReportEndpoints();
        app.MapExportEndpoints();
        // Public: the language choice and the open data files.
        app.MapGroup("").AllowAnonymous().MapLanguageSwitch();
        app.MapGroup("").AllowAnonymous().MapOpenDataEndpoints();
        app.MapHealthEndpoints();
        // The dashboard shows job ids and arguments, never personal data, but it can trigger and delete jobs: admins only,
        // through the same login, and with no local-requests exception (the policy replaces Hangfire's own filter).
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Admin, "/hangfire");
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        RecurringJobs.Register(recurring);
        // A lost job or an empty job store loses nothing: whatever is stale now is recomputed at start, not in 15 minutes.
        // The embedded default has just done so before serving (DatabaseStartup), and the reconcile then finds nothing stale.
        recurring.Trigger(RecurringJobs.ReconcileReports);
        return app;
    }

    /// <summary>Confirmed imports that a restart interrupted are queued again; see <see cref="ImportJobs.ResumeAsync"/>.</summary>
    public static async Task ResumeImportsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportJobs>().ResumeAsync();
    }
}
