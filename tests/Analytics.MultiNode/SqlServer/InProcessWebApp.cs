#pragma warning disable EF1001 // RecordingQueryCompiler replaces EF's internal query compiler; see there.
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Audit;
using Analytics.Data;
using Analytics.Data.Accounts;
using Analytics.Data.Providers;
using Analytics.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.MultiNode.SqlServer;

/// <summary>
/// The web app in this process, started with Program.cs's own calls in its order (AddAnalyticsWeb, PrepareDatabaseAsync,
/// UseAnalyticsWeb, ResumeImportsAsync; not the Development-only demo accounts, which never run on a server database),
/// on a loopback port, over the given settings' database and with EF's query compiler replaced by
/// <see cref="RecordingQueryCompiler"/>. Built by hand rather than with WebApplicationFactory, which this project does not
/// reference: if Program.cs gains a step, add it here too. Logged in as an admin through the real login form.
/// </summary>
public sealed partial class InProcessWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessWebApp(WebApplication app, HttpClient client)
    {
        _app = app;
        Admin = client;
    }

    /// <summary>A client with an admin's login cookie; redirects are not followed, so a page's own status is seen.</summary>
    public HttpClient Admin { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<InProcessWebApp> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            EnvironmentName = Environments.Development,
            ContentRootPath = WebProjectFolder(),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAnalyticsWeb();
        builder.Services.ConfigureDbContext<SqliteAnalyticsDbContext>(o => o.ReplaceService<IQueryCompiler, RecordingQueryCompiler>());

        var app = builder.Build();
        try
        {
            await app.PrepareDatabaseAsync();
            app.UseAnalyticsWeb();
            await app.ResumeImportsAsync();
            await app.StartAsync();
            var address = new Uri(app.Urls.Single());

            var email = "admin@sqlserver-translation.invalid";
            var password = $"Admin-{Guid.NewGuid():N}";
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var (user, errors) = await scope.ServiceProvider.GetRequiredService<AccountStore>()
                    .CreateAsync(email, Roles.Admin, password, AuditActors.System, null);
                user.ShouldNotBeNull(string.Join(" ", errors));
            }
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = address,
            };
            var form = await client.GetStringAsync("/konto/logga-in");
            var login = await client.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["epost"] = email,
                ["losenord"] = password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value),
            }));
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the admin logged in");
            return new InProcessWebApp(app, client);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>src/Analytics.Web, found upwards from the test's output: its appsettings and wwwroot, as `dotnet run` sees them.</summary>
    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Analytics.Web");
            if (File.Exists(Path.Combine(candidate, "Analytics.Web.csproj"))) return candidate;
        }
        throw new DirectoryNotFoundException("src/Analytics.Web was not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenField();
}
