using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Audit;
using Analytics.Data;
using Analytics.Data.Accounts;
using Analytics.Data.Configuration;
using Analytics.Testing;
using Analytics.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests;

/// <summary>
/// The real web app on the embedded default: a real SQLite file in a temporary folder, seeded from data-samples/
/// through the ordinary import on start. One instance is shared, since Hangfire keeps static state.
/// Accounts: one per role (and two organisers of different host organisations), each logged in once through the real
/// login page; <see cref="Client"/> hands out clients carrying that login cookie. No test-only authentication exists.
/// <see cref="StartAsync"/> builds one on another provider instead: PostgreSQL on a fresh database from
/// <see cref="TestDatabase"/>, which the app migrates and seeds from the same sample files on start (Seed:OnEmpty).
/// </summary>
public sealed partial class AnalyticsWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>An event of organisation A, which organiser B's organisation does not host.</summary>
    public const string EventOfA = "2026-03-23-forsta-motet";

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "otg-web-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>A held event hosted by organisation B and not by A.</summary>
    public string EventOfB { get; private set; } = "";

    /// <summary>The host organisation organiser B works for.</summary>
    public int OrganisationOfB { get; private set; }

    private readonly Dictionary<TestAccount, Cookie> _logins = [];

    /// <summary>The server database of a factory from <see cref="StartAsync"/>; null for the embedded default.</summary>
    private TestDatabase? _database;

    /// <summary>Privacy:AttendeeKeySecret when given; without it the embedded default makes its own key file.</summary>
    private string? _attendeeKeySecret;

    /// <summary>"sqlite" (the embedded default) or "postgres", as <see cref="TestDatabase.AvailableProviders"/> names them.</summary>
    public string Provider => _database?.Provider ?? "sqlite";

    /// <summary>
    /// A started factory on <paramref name="provider"/>: "sqlite" is the embedded default, as the shared instance; a server
    /// provider gets a fresh empty database that the app migrates and seeds on start, as a demo node does
    /// (Seed:OnEmpty), so both hold the same sample data. <paramref name="attendeeKeySecret"/> (base64, at least 32
    /// bytes) is required on a server database; giving two factories the same one gives them the same attendee keys.
    /// </summary>
    public static async Task<AnalyticsWebFactory> StartAsync(string provider, string? attendeeKeySecret = null)
    {
        var factory = new AnalyticsWebFactory { _attendeeKeySecret = attendeeKeySecret };
        try
        {
            if (DatabaseSettings.ParseProvider(provider) != DatabaseProvider.Sqlite)
                factory._database = await TestDatabase.CreateAsync(provider, migrated: false);
            await factory.InitializeAsync();
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:DataFolder", DataFolder);
        if (_database is { } database)
        {
            builder.UseSetting("Database:Provider", database.Provider);
            builder.UseSetting("Database:ConnectionString", database.Settings.ConnectionString);
            // A server database is migrated and seeded on start only when asked, as for a single demo node.
            builder.UseSetting("Seed:OnEmpty", "true");
        }
        if (_attendeeKeySecret is { } secret) builder.UseSetting("Privacy:AttendeeKeySecret", secret);
        // Ten events a page, so the 35 sample events make a list of four pages to walk.
        builder.UseSetting("Pages:EventsPerPage", "10");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestClientAddress>();
            // The sample's day, so its planned events stay planned whenever the tests run.
            services.AddSingleton<TimeProvider>(SampleClock.Instance);
        });
    }

    public async Task InitializeAsync()
    {
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<AccountStore>();
        var hostsOfA = await db.Events.Where(e => e.Slug == EventOfA).SelectMany(e => e.Hosts.Select(h => h.OrganisationId)).ToListAsync();
        var organisationA = hostsOfA.Min();
        var ofB = await db.Events.Where(e => !e.Hosts.Any(h => hostsOfA.Contains(h.OrganisationId)) && e.Hosts.Any() && e.StartsAtUtc < SampleClock.UtcNow)
            .OrderBy(e => e.StartsAtUtc).Select(e => new { e.Slug, Host = e.Hosts.Min(h => h.OrganisationId) }).FirstAsync();
        (EventOfB, OrganisationOfB) = (ofB.Slug, ofB.Host);

        foreach (var account in Enum.GetValues<TestAccount>().Where(a => a != TestAccount.Anonymous))
        {
            var organisations = account switch
            {
                TestAccount.OrganiserA => new[] { organisationA },
                TestAccount.OrganiserB => new[] { ofB.Host },
                _ => null,
            };
            var (user, errors) = await store.CreateAsync(Email(account), Role(account), Password(account), AuditActors.System, organisations);
            user.ShouldNotBeNull(string.Join(" ", errors));
        }
        foreach (var account in Enum.GetValues<TestAccount>().Where(a => a != TestAccount.Anonymous))
        {
            var cookies = new CookieContainer();
            using var client = CreateDefaultClient(Server.BaseAddress, new CookieContainerHandler(cookies));
            client.DefaultRequestHeaders.Add(TestClientAddress.Header, NewAddress());
            var response = await LoginAsync(client, Email(account), Password(account));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"login of {account}");
            _logins[account] = cookies.GetCookies(Server.BaseAddress).Single(c => c.Name == "otg.konto");
        }
    }

    /// <summary>A client logged in as <paramref name="account"/> (or anonymous), with its own client address for the rate limits.</summary>
    public HttpClient Client(TestAccount account, WebApplicationFactoryClientOptions? options = null)
    {
        options ??= new WebApplicationFactoryClientOptions();
        var cookies = new CookieContainer();
        if (_logins.TryGetValue(account, out var login)) cookies.Add(Server.BaseAddress, new Cookie(login.Name, login.Value, "/"));
        DelegatingHandler[] handlers = options.AllowAutoRedirect
            ? [new RedirectHandler(options.MaxAutomaticRedirections), new CookieContainerHandler(cookies)]
            : [new CookieContainerHandler(cookies)];
        var client = CreateDefaultClient(options.BaseAddress, handlers);
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, NewAddress());
        return client;
    }

    public HttpClient AdminClient(WebApplicationFactoryClientOptions? options = null) => Client(TestAccount.Admin, options);

    public HttpClient AnonymousClient(WebApplicationFactoryClientOptions? options = null) => Client(TestAccount.Anonymous, options);

    /// <summary>Logs in through the real form, token and all; the answer is the form's (a redirect when it worked).</summary>
    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/konto/logga-in");
        return await client.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["epost"] = email, ["losenord"] = password, ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
    }

    public static string AntiforgeryToken(string html) => TokenField().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The page has no anti-forgery token.");

    public static string Email(TestAccount account) => $"{account.ToString().ToLowerInvariant()}@test.invalid";

    /// <summary>Made per run from a fresh GUID: no password is written down anywhere.</summary>
    public string Password(TestAccount account) => $"{account}-{_passwordSeed}";

    private readonly string _passwordSeed = Guid.NewGuid().ToString("N");

    public static string Role(TestAccount account) => account switch
    {
        TestAccount.Admin => Roles.Admin,
        TestAccount.Steering => Roles.Steering,
        _ => Roles.Organiser,
    };

    /// <summary>A made-up client address (TEST-NET-style, in 10/8), so each client has its own rate-limit partition.</summary>
    public static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // After the host has stopped (its job server included), so nothing holds the server database when it is dropped.
        if (_database is not null) await _database.DisposeAsync();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenField();
}

public enum TestAccount
{
    Anonymous,
    OrganiserA,
    OrganiserB,
    Steering,
    Admin,
}

/// <summary>
/// Test-only: TestServer has no client address, so the rate limits would put every test in one partition. The header
/// sets the address a proxy would; this class exists only in the test project, so production cannot turn it on.
/// </summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<AnalyticsWebFactory>
{
    public const string Name = "web";
}
