using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Analytics.EndToEnd.Site;

/// <summary>
/// One running app and one headless Chromium for the whole run; every check gets a fresh browser context (its own
/// cookies and viewport), which costs milliseconds where a new browser costs seconds.
/// </summary>
public sealed class LiveSite : IAsyncLifetime
{
    // Playwright cannot download its own browser here; Debian's Chromium is installed by .ci/run (see STACK.md).
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly AnalyticsApp _app = new();

    /// <summary>The live app's services, for a journey that arranges data or looks behind the pages.</summary>
    public IServiceProvider Services => _app.Services;
    private readonly IMessageSink _diagnostics;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public LiveSite(IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
        Screenshots.Prepare();
        diagnostics.OnMessage(new DiagnosticMessage($"Screenshots: {Screenshots.Folder}"));
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>The browser's cookies per role after logging in through the login page, made on first use; null is logged out.</summary>
    private readonly Dictionary<SiteRole, string?> _sessions = new() { [SiteRole.Anonymous] = null };
    private readonly SemaphoreSlim _loggingIn = new(1, 1);

    /// <summary>The event of the sample that the organiser's host organisation hosts, as in the web tests.</summary>
    public const string EventOfOrganiser = "2026-03-23-forsta-motet";

    /// <summary>The host organisation the organiser account works for: the first host of <see cref="EventOfOrganiser"/>.</summary>
    public int OrganiserOrganisation { get; private set; }

    /// <summary>
    /// Makes an account of the role with a fresh random password (none is written down anywhere) and logs in once through
    /// the real login form, so the checks see every page as a person in that role does.
    /// </summary>
    public async Task<string?> SessionAsync(SiteRole role)
    {
        await _loggingIn.WaitAsync();
        try
        {
            if (_sessions.TryGetValue(role, out var known)) return known;
            var email = $"e2e-{role.ToString().ToLowerInvariant()}@test.invalid";
            var password = Analytics.Web.Accounts.DemoAccounts.NewPassword();
            await CreateAccountAsync(email, role, password);
            return _sessions[role] = await LogInAsync(email, password);
        }
        finally
        {
            _loggingIn.Release();
        }
    }

    /// <summary>An account made behind the pages, as an admin would on /admin/konton; an organiser works for <see cref="OrganiserOrganisation"/>.</summary>
    public async Task CreateAccountAsync(string email, SiteRole role, string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var (name, organisations) = role switch
        {
            SiteRole.Admin => (Analytics.Data.Accounts.Roles.Admin, null),
            SiteRole.Steering => (Analytics.Data.Accounts.Roles.Steering, null),
            SiteRole.Organiser => (Analytics.Data.Accounts.Roles.Organiser, new[] { OrganiserOrganisation }),
            _ => throw new ArgumentOutOfRangeException(nameof(role), "an anonymous visitor has no account"),
        };
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<Analytics.Data.Accounts.AccountStore>()
            .CreateAsync(email, name, password, Analytics.Core.Audit.AuditActors.System, organisations);
        if (user is null) throw new InvalidOperationException(string.Join(" ", errors));
    }

    /// <summary>Runs <paramref name="query"/> on the live app's database, for a journey that arranges data or looks behind the pages.</summary>
    public async Task<T> QueryAsync<T>(Func<Analytics.Data.AnalyticsDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<Analytics.Data.AnalyticsDbContext>());
    }

    /// <summary>Logs in through the real login form in a fresh context and returns its cookies.</summary>
    public async Task<string> LogInAsync(string email, string password)
    {
        await using var context = await Browser.NewContextAsync(new() { BaseURL = Address.ToString(), Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/logga-in");
        await page.FillAsync("#epost", email);
        await page.FillAsync("#losenord", password);
        await page.ClickAsync("form.account-form button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return await context.StorageStateAsync();
    }

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: run `apt-get install -y chromium` (.ci/run does).");
        // Seeding the app and starting the browser take a few seconds each; neither needs the other.
        var started = Stopwatch.StartNew();
        var app = Task.Run(_app.Start);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        Address = await app;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Analytics.Data.AnalyticsDbContext>();
            OrganiserOrganisation = await db.Events.Where(e => e.Slug == EventOfOrganiser).SelectMany(e => e.Hosts).MinAsync(h => h.OrganisationId);
        }
        await SessionAsync(SiteRole.Admin);
        _diagnostics.OnMessage(new DiagnosticMessage($"App at {Address} and Chromium {_browser.Version} ready in {started.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>
    /// Opens <paramref name="address"/> in a fresh context, requires the status (200 unless told), and runs
    /// <paramref name="check"/> on it. Whatever fails, the page as it was is saved and its file named in the failure.
    /// </summary>
    public async Task CheckAsync(string address, string checkName, ITestOutputHelper output, Func<IPage, Task> check,
        ViewportSize? viewport = null, int status = 200, SiteRole role = SiteRole.Admin)
    {
        await using var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Address.ToString(),
            Locale = "sv-SE",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            StorageState = await SessionAsync(role),
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        try
        {
            var response = await page.GotoAsync(address);
            (response?.Status).ShouldBe(status, $"GET {address} answered {response?.Status} {response?.StatusText}");
            await check(page);
        }
        catch (Exception failure)
        {
            var saved = await SaveFailedPageAsync(page, address, checkName);
            output.WriteLine(saved);
            throw new PageCheckFailed($"{address}: {failure.Message}\n{saved}", failure);
        }
    }

    /// <summary>The picture is a help, not the verdict: when even it fails (a crashed page), the original failure still stands.</summary>
    private static async Task<string> SaveFailedPageAsync(IPage page, string address, string checkName)
    {
        try
        {
            return $"Screenshot of the failed page: {await Screenshots.SaveAsync(page, address, $".{checkName}.failed")}";
        }
        catch (PlaywrightException unsaved)
        {
            return $"No screenshot of the failed page: {unsaved.Message}";
        }
    }

    /// <summary>Runs <paramref name="check"/> on a page made of <paramref name="html"/> alone, to prove that a check can fail.</summary>
    public async Task OnContentAsync(string html, Func<IPage, Task> check)
    {
        await using var context = await Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 640, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);
        await check(page);
    }

    public async Task DisposeAsync()
    {
        var stopping = Stopwatch.StartNew();
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
        _diagnostics.OnMessage(new DiagnosticMessage($"App and Chromium stopped in {stopping.Elapsed.TotalSeconds:0.0} s"));
    }
}

/// <summary>Who the browser is: logged out, or logged in with an account of one role.</summary>
public enum SiteRole
{
    Anonymous,
    Organiser,
    Steering,
    Admin,
}

public sealed class PageCheckFailed(string message, Exception inner) : Exception(message, inner);

[CollectionDefinition(Name)]
public sealed class LiveSiteCollection : ICollectionFixture<LiveSite>
{
    public const string Name = "live site";
}
