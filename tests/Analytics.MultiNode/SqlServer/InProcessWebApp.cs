#pragma warning disable EF1001 // RecordingQueryCompiler replaces EF's internal query compiler; see there.
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Audit;
using Analytics.Data.Accounts;
using Analytics.Data.Providers;
using Analytics.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.MultiNode.SqlServer;

/// <summary>
/// The web app in this process, started by Program.cs itself (WebApplicationFactory) in Development on the sample's day
/// (<see cref="SampleClock"/>) over the given settings' database, with EF's query compiler replaced by <see cref="RecordingQueryCompiler"/>, and a client logged in
/// as an admin through the real login form.
/// </summary>
public sealed partial class InProcessWebApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>A client with an admin's login cookie; redirects are not followed, so a page's own status is seen.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public static async Task<InProcessWebApp> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = new InProcessWebApp(settings);
        try
        {
            await app.LogInAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(SampleClock.Instance);
            services.ConfigureDbContext<SqliteAnalyticsDbContext>(o => o.ReplaceService<IQueryCompiler, RecordingQueryCompiler>());
        });
    }

    private async Task LogInAsync()
    {
        var email = "admin@sqlserver-translation.invalid";
        var password = $"Admin-{Guid.NewGuid():N}";
        await using (var scope = Services.CreateAsyncScope())
        {
            var (user, errors) = await scope.ServiceProvider.GetRequiredService<AccountStore>()
                .CreateAsync(email, Roles.Admin, password, AuditActors.System, null);
            user.ShouldNotBeNull(string.Join(" ", errors));
        }
        Admin = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await Admin.GetStringAsync("/konto/logga-in");
        var login = await Admin.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["epost"] = email,
            ["losenord"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value),
        }));
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the admin logged in");
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenField();
}
