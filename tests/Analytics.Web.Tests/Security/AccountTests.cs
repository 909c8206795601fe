using System.Net;
using Analytics.Core.Audit;
using Analytics.Data;
using Analytics.Data.Accounts;
using Analytics.Web.Tests.Pages.Import;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Security;

/// <summary>Logging in and out, lockout, changing the password, the audit entries each action writes, and the shared key ring.</summary>
[Collection(WebCollection.Name)]
public sealed class AccountTests(AnalyticsWebFactory factory)
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    private async Task<(string Id, string Email, string Password)> NewAccountAsync(string role = Roles.Steering)
    {
        var email = $"{Guid.NewGuid():N}@test.invalid";
        var password = $"ett-langt-losenord-{Guid.NewGuid():N}";
        await using var scope = factory.Services.CreateAsyncScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<AccountStore>().CreateAsync(email, role, password, AuditActors.System);
        user.ShouldNotBeNull(string.Join(" ", errors));
        return (user.Id, email, password);
    }

    private async Task<List<AuditEntry>> AuditAsync(Func<AuditEntry, bool> which)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().AuditEntries.AsNoTracking().ToListAsync()).Where(which)];
    }

    [Fact]
    public async Task Logging_in_sends_the_person_back_to_the_page_they_asked_for_and_logging_out_ends_it()
    {
        var (id, email, password) = await NewAccountAsync();
        var client = factory.AnonymousClient(NoRedirects);
        var asked = await client.GetAsync("/trender");
        asked.Headers.Location!.PathAndQuery.ShouldBe("/konto/logga-in?ReturnUrl=%2Ftrender");

        var form = await client.GetStringAsync("/konto/logga-in?tillbaka=%2Ftrender");
        form.ShouldContain("<h1>Logga in</h1>");
        var login = await client.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["epost"] = email, ["losenord"] = password, ["tillbaka"] = "/trender", ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form),
        }));
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.ShouldBe("/trender");
        var page = await client.GetStringAsync("/trender");
        page.ShouldContain("Logga ut");

        var logout = await client.PostAsync("/konto/logga-ut", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(page),
        }));
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/trender")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await AuditAsync(a => a.Actor == id)).Select(a => a.Action).Order().ShouldBe([AuditActions.LoginSucceeded, AuditActions.Logout]);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public async Task Logging_in_never_sends_the_person_to_another_site(string returnUrl)
    {
        var (_, email, password) = await NewAccountAsync();
        var client = factory.AnonymousClient(NoRedirects);
        var form = await client.GetStringAsync("/konto/logga-in");

        var login = await client.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["epost"] = email, ["losenord"] = password, ["tillbaka"] = returnUrl, ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form),
        }));

        login.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_swedish_answer()
    {
        var (id, email, _) = await NewAccountAsync();
        var client = factory.AnonymousClient();

        var wrong = await (await AnalyticsWebFactory.LoginAsync(client, email, "inte-det-ratta-losenordet")).Content.ReadAsStringAsync();
        var unknown = await (await AnalyticsWebFactory.LoginAsync(client, "okand@test.invalid", "inte-det-ratta-losenordet")).Content.ReadAsStringAsync();

        wrong.ShouldContain("Fel e-postadress eller lösenord.");
        unknown.ShouldContain("Fel e-postadress eller lösenord.");
        (await AuditAsync(a => a.Actor == id)).Select(a => a.Action).ShouldBe([AuditActions.LoginFailed]);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var (id, email, password) = await NewAccountAsync();
        var client = factory.AnonymousClient(NoRedirects);

        for (var i = 1; i <= 4; i++)
            (await (await AnalyticsWebFactory.LoginAsync(client, email, $"fel-losenord-nummer-{i}")).Content.ReadAsStringAsync())
                .ShouldContain("Fel e-postadress eller lösenord.");
        var fifth = await (await AnalyticsWebFactory.LoginAsync(client, email, "fel-losenord-nummer-5")).Content.ReadAsStringAsync();
        var right = await AnalyticsWebFactory.LoginAsync(client, email, password);

        fifth.ShouldContain("Kontot är låst efter för många felaktiga försök.");
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "the form again, not the redirect of a login");
        (await right.Content.ReadAsStringAsync()).ShouldContain("Kontot är låst");
        (await AuditAsync(a => a.Actor == id)).Select(a => a.Action).ShouldBe(
            [AuditActions.LoginFailed, AuditActions.LoginFailed, AuditActions.LoginFailed, AuditActions.LoginFailed, AuditActions.LockedOut, AuditActions.LockedOut]);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AnalyticsUser>>();
        var lockedUntil = (await users.GetLockoutEndDateAsync((await users.FindByIdAsync(id))!))!.Value;
        (lockedUntil - DateTimeOffset.UtcNow).TotalMinutes.ShouldBeInRange(14, 15.1);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_twelve_characters()
    {
        var (id, email, password) = await NewAccountAsync();
        var client = factory.AnonymousClient();
        await AnalyticsWebFactory.LoginAsync(client, email, password);
        async Task<string> ChangeAsync(string current, string next, string repeated)
        {
            var form = await client.GetStringAsync("/konto/losenord");
            return await (await client.PostAsync("/konto/losenord", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["nuvarande"] = current, ["nytt"] = next, ["upprepa"] = repeated, ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form),
            }))).Content.ReadAsStringAsync();
        }

        (await ChangeAsync(password, "kort", "kort")).ShouldContain("Lösenordet måste ha minst 12 tecken.");
        (await ChangeAsync("fel-nuvarande-losenord", "ett nytt langt losenord", "ett nytt langt losenord")).ShouldContain("Det nuvarande lösenordet stämmer inte.");
        (await ChangeAsync(password, "ett nytt langt losenord", "ett annat langt losenord")).ShouldContain("De två nya lösenorden är inte lika.");
        (await ChangeAsync(password, "ett nytt langt losenord", "ett nytt langt losenord")).ShouldContain("Lösenordet är bytt.");

        (await AnalyticsWebFactory.LoginAsync(factory.AnonymousClient(NoRedirects), email, "ett nytt langt losenord")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditAsync(a => a.Actor == id && a.Action == AuditActions.UserChanged)).Select(a => a.Detail).ShouldBe(["password"]);
    }

    [Fact]
    public async Task Creating_an_account_writes_one_entry_for_the_account_and_one_for_its_role()
    {
        var (id, _, _) = await NewAccountAsync(Roles.Organiser);

        var entries = await AuditAsync(a => a.Subject == id);

        entries.Select(a => (a.Action, a.Detail)).ShouldBe([(AuditActions.UserCreated, (string?)null), (AuditActions.RoleChanged, "added=Organiser")]);
        entries.ShouldAllBe(a => a.Actor == AuditActors.System);
    }

    [Theory]
    [InlineData("/export/event/" + AnalyticsWebFactory.EventOfA + ".xlsx")]
    [InlineData("/export/event/" + AnalyticsWebFactory.EventOfA + ".csv")]
    [InlineData("/export/quarter/2026Q1.csv")]
    [InlineData("/paket/2026Q1.xlsx")]
    public async Task Each_download_writes_one_entry_and_a_refused_one_none(string path)
    {
        await SecurityFixtures.OfOrganisationAAsync(factory);
        var (id, email, password) = await NewAccountAsync(Roles.Admin);
        var client = factory.AnonymousClient();
        await AnalyticsWebFactory.LoginAsync(client, email, password);

        (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/export/event/finns-inte.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var entries = await AuditAsync(a => a.Actor == id && a.Action == AuditActions.ExportDownloaded);
        entries.Select(a => a.Subject).ShouldBe([path]);
    }

    [Fact]
    public async Task Confirming_an_import_writes_one_entry()
    {
        var (id, email, password) = await NewAccountAsync(Roles.Admin);
        var client = factory.AnonymousClient();
        await AnalyticsWebFactory.LoginAsync(client, email, password);
        var list = ImportBrowser.SampleListWith(ImportBrowser.Row("Granskad Person", 990_001));

        var preview = await ImportBrowser.UploadAsync(client, System.Text.Encoding.UTF8.GetBytes(list), "granskning.tsv");
        var token = ImportBrowser.TokenOf(preview);
        var done = await ImportBrowser.PostAsync(client, $"/import/granska/{token}?handler=Confirm", await preview.Content.ReadAsStringAsync(), []);
        await ImportBrowser.UntilDoneAsync(client, done);

        (await AuditAsync(a => a.Actor == id && a.Action == AuditActions.ImportConfirmed))
            .Select(a => (a.Subject, a.Detail)).ShouldBe([(ImportBrowser.Slug, $"upload={token}")]);
    }

    [Fact]
    public async Task The_audit_log_page_lists_the_newest_entries_first_for_admins()
    {
        var (id, _, _) = await NewAccountAsync();

        var html = await factory.AdminClient().GetStringAsync("/admin/logg");

        html.ShouldContain("<h1>Granskningslogg</h1>");
        html.ShouldContain($"<td>{id}</td>");
        html.ShouldNotContain("@test.invalid", Case.Insensitive, "the log names accounts by id, never by e-mail address");
    }

    [Fact]
    public async Task An_admin_adds_an_organiser_for_a_host_who_then_sees_that_host_s_events()
    {
        var client = factory.AdminClient();
        var form = await client.GetStringAsync("/admin/konton");
        var email = $"{Guid.NewGuid():N}@test.invalid";
        var password = $"forsta-losenordet-{Guid.NewGuid():N}";

        var added = await (await client.PostAsync("/admin/konton", new FormUrlEncodedContent(
        [
            new("epost", email), new("roll", "Organiser"), new("organisation", factory.OrganisationOfB.ToString()), new("losenord", password),
            new("__RequestVerificationToken", AnalyticsWebFactory.AntiforgeryToken(form)),
        ]))).Content.ReadAsStringAsync();

        added.ShouldContain($"Kontot {email} är skapat.");
        added.ShouldContain($"<td>{email}</td><td>Organiser</td>");
        var organiser = factory.AnonymousClient(NoRedirects);
        (await AnalyticsWebFactory.LoginAsync(organiser, email, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await organiser.GetAsync($"/evenemang/{factory.EventOfB}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await organiser.GetAsync($"/evenemang/{AnalyticsWebFactory.EventOfA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var scope = factory.Services.CreateAsyncScope();
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<AnalyticsUser>>().FindByEmailAsync(email))!.Id;
        var admin = (await scope.ServiceProvider.GetRequiredService<UserManager<AnalyticsUser>>().FindByEmailAsync(AnalyticsWebFactory.Email(TestAccount.Admin)))!.Id;
        (await AuditAsync(a => a.Subject == id && a.Actor == admin)).Select(a => a.Action)
            .ShouldBe([AuditActions.UserCreated, AuditActions.RoleChanged, AuditActions.UserChanged], "each change once, by the admin who made it");
    }

    [Fact]
    public async Task An_organiser_without_a_host_or_with_a_short_password_is_refused()
    {
        var client = factory.AdminClient();
        var form = await client.GetStringAsync("/admin/konton");
        async Task<string> PostAsync(params KeyValuePair<string, string>[] fields) => await (await client.PostAsync("/admin/konton",
            new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", AnalyticsWebFactory.AntiforgeryToken(form))]))).Content.ReadAsStringAsync();

        (await PostAsync(new("epost", "a@test.invalid"), new("roll", "Organiser"), new("losenord", "ett langt losenord")))
            .ShouldContain("Välj minst en värdorganisation för en arrangör.");
        (await PostAsync(new("epost", "b@test.invalid"), new("roll", "Steering"), new("losenord", "kort")))
            .ShouldContain("Lösenordet måste ha minst 12 tecken.");
        // An id that is no host is refused before anything is made, not half made with a database error.
        (await PostAsync(new("epost", "c@test.invalid"), new("roll", "Organiser"), new("organisation", "999999"), new("losenord", "ett langt losenord")))
            .ShouldContain("Välj minst en värdorganisation för en arrangör.");
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<Analytics.Data.AnalyticsDbContext>().Users.AnyAsync(u => u.Email == "c@test.invalid")).ShouldBeFalse();
    }

    /// <summary>The Development embedded default (as this factory runs) starts with one demo account per role, made once.</summary>
    [Fact]
    public async Task Development_has_one_demo_account_per_role_and_the_organiser_has_a_host()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AnalyticsUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();

        foreach (var role in Roles.All)
        {
            var demo = await users.FindByEmailAsync($"{role.ToLowerInvariant()}@demo.invalid");
            demo.ShouldNotBeNull(role);
            (await users.GetRolesAsync(demo)).ShouldBe([role]);
        }
        var organiser = await users.FindByEmailAsync("organiser@demo.invalid");
        (await db.OrganiserOrganisations.CountAsync(o => o.UserId == organiser!.Id)).ShouldBe(1);
        (await db.Users.CountAsync(u => u.Email!.EndsWith("@demo.invalid"))).ShouldBe(3, "made once, not at every start");
    }

    /// <summary>
    /// Another web node is another process with the same database: here, a separate data protection setup reading the
    /// key ring from the same database decrypts this app's login cookie.
    /// </summary>
    [Fact]
    public async Task The_key_ring_is_in_the_database_so_another_node_reads_the_login_cookie()
    {
        var value = (await LoginCookieAsync()).Value;
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);

        var otherNode = new ServiceCollection();
        otherNode.AddLogging();
        Analytics.Data.AnalyticsDatabase.AddAnalyticsDatabase(otherNode, factory.Services.GetRequiredService<Analytics.Data.Configuration.DatabaseSettings>());
        otherNode.AddDataProtection().SetApplicationName("OTG Analytics").PersistKeysToDbContext<AnalyticsDbContext>();
        await using var node = otherNode.BuildServiceProvider();
        var protector = node.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IdentityConstants.ApplicationScheme, "v2");
        var ticket = new TicketDataFormat(protector).Unprotect(value);

        ticket.ShouldNotBeNull();
        ticket.Principal.IsInRole(Roles.Admin).ShouldBeTrue();
    }

    private async Task<System.Net.Cookie> LoginCookieAsync()
    {
        var (_, email, password) = await NewAccountAsync(Roles.Admin);
        var cookies = new CookieContainer();
        using var client = factory.CreateDefaultClient(factory.Server.BaseAddress, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, AnalyticsWebFactory.NewAddress());
        await AnalyticsWebFactory.LoginAsync(client, email, password);
        return cookies.GetCookies(factory.Server.BaseAddress).Single(c => c.Name == "otg.konto");
    }
}
