using System.Net;
using Analytics.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting.Internal;

namespace Analytics.Web.Tests.Security;

/// <summary>Anti-forgery, rate limits, security headers, cookie flags and health endpoints, on the running app.</summary>
[Collection(WebCollection.Name)]
public sealed class HardeningTests(AnalyticsWebFactory factory)
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Theory]
    [InlineData(TestAccount.Anonymous, "/konto/logga-in")]
    [InlineData(TestAccount.Admin, "/konto/logga-ut")]
    [InlineData(TestAccount.Admin, "/konto/losenord")]
    [InlineData(TestAccount.Admin, "/import")]
    [InlineData(TestAccount.Admin, "/admin/samtycke")]
    [InlineData(TestAccount.Anonymous, "/aterkalla")]
    public async Task A_post_without_an_anti_forgery_token_is_refused(TestAccount account, string path)
    {
        var client = factory.Client(account, NoRedirects);
        await client.GetAsync(path);

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["epost"] = "x@test.invalid" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Logging_out_without_a_token_leaves_the_person_logged_in()
    {
        var client = factory.AdminClient(NoRedirects);

        (await client.PostAsync("/konto/logga-ut", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await client.GetAsync("/trender")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_login_answers_429_after_ten_attempts_a_minute_from_one_address()
    {
        var client = factory.AnonymousClient(NoRedirects);
        var form = await client.GetStringAsync("/konto/logga-in");
        FormUrlEncodedContent Attempt() => new(new Dictionary<string, string>
        {
            ["epost"] = "ingen@test.invalid", ["losenord"] = "fel-losenord-igen", ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form),
        });

        for (var i = 0; i < 10; i++) (await client.PostAsync("/konto/logga-in", Attempt())).StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {i + 1}");
        var refused = await client.PostAsync("/konto/logga-in", Attempt());

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await client.GetAsync("/konto/logga-in")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading the form is not limited");
        var other = factory.AnonymousClient(NoRedirects);
        form = await other.GetStringAsync("/konto/logga-in");
        (await other.PostAsync("/konto/logga-in", Attempt())).StatusCode.ShouldBe(HttpStatusCode.OK, "another address has its own limit");
    }

    [Fact]
    public async Task The_public_forms_answer_429_per_address_and_page()
    {
        var client = factory.AnonymousClient(NoRedirects);
        var form = await client.GetStringAsync("/aterkalla");
        FormUrlEncodedContent Attempt() => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form) });

        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 21 && last != HttpStatusCode.TooManyRequests; i++) last = (await client.PostAsync("/aterkalla", Attempt())).StatusCode;

        last.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_crowd_checking_in_from_one_address_is_not_turned_away_after_the_twentieth()
    {
        var client = factory.AnonymousClient(NoRedirects);
        // Without a token each answer is a 400 from anti-forgery, which runs after the limiter: only a 429 would be the limit.
        const string slug = "2026-03-23-forsta-motet";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
            statuses.Add((await client.PostAsync($"/checka-in/{slug}", new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);

        statuses.ShouldNotContain(HttpStatusCode.TooManyRequests);
    }

    [Theory]
    [InlineData(TestAccount.Anonymous, "/oppna-data")]
    [InlineData(TestAccount.Anonymous, "/konto/logga-in")]
    [InlineData(TestAccount.Anonymous, "/")]
    [InlineData(TestAccount.Admin, "/evenemang")]
    [InlineData(TestAccount.Admin, "/api/reports/quarter/2026Q1")]
    [InlineData(TestAccount.Admin, "/finns-inte")]
    public async Task Every_response_carries_the_security_headers(TestAccount account, string path)
    {
        var response = await factory.Client(account, NoRedirects).GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task No_page_has_inline_script_or_style()
    {
        foreach (var path in new[] { "/", "/evenemang", $"/evenemang/{AnalyticsWebFactory.EventOfA}", "/balans", "/rackvidd", "/kvartal/2026Q1", "/import", "/konto/logga-in" })
        {
            var html = await factory.AdminClient().GetStringAsync(path);
            html.ShouldNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", path);
            html.ShouldNotContain(" style=\"", Case.Insensitive, path);
            html.ShouldNotContain("<style", Case.Insensitive, path);
        }
    }

    [Fact]
    public async Task The_login_and_form_cookies_are_http_only_and_same_site()
    {
        var client = factory.AnonymousClient(NoRedirects);
        var form = await client.GetAsync("/konto/logga-in");
        var html = await form.Content.ReadAsStringAsync();
        var login = await client.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["epost"] = AnalyticsWebFactory.Email(TestAccount.Steering), ["losenord"] = factory.Password(TestAccount.Steering),
            ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(html),
        }));

        var formCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("otg.formular=", StringComparison.Ordinal));
        formCookie.ShouldContain("httponly", Case.Insensitive);
        formCookie.ShouldContain("samesite=strict", Case.Insensitive);
        var loginCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("otg.konto=", StringComparison.Ordinal));
        loginCookie.ShouldContain("httponly", Case.Insensitive);
        loginCookie.ShouldContain("samesite=lax", Case.Insensitive);
        loginCookie.ShouldContain("path=/", Case.Insensitive);
        loginCookie.ShouldNotContain("domain=", Case.Insensitive);
    }

    [Theory]
    [InlineData("Development", "otg.konto")]
    [InlineData("Production", "__Host-otg.konto")]
    [InlineData("Staging", "__Host-otg.konto")]
    public void Outside_development_the_cookies_carry_the_host_prefix(string environment, string expected) =>
        AccountServices.CookieName(new HostingEnvironment { EnvironmentName = environment }, "otg.konto").ShouldBe(expected);

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task The_health_endpoints_answer_anyone_without_details(string path)
    {
        var response = await factory.AnonymousClient(NoRedirects).GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}
