using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps, tried as anonymous, organiser of A, organiser of B, steering and admin, against the
/// table below. A new page or endpoint without a row fails <see cref="Every_endpoint_has_a_row"/>, so nothing is added
/// without deciding who may open it. Statuses: 200 served, 302 sent to the login (pages), 401 refused without login
/// (downloads, API, dashboard), 403 the role may not, 404 another organisation's event (the same as a missing one).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuthorizationMatrixTests(AnalyticsWebFactory factory)
{
    private const int Ok = 200, Login = 302, Redirect = 302, NoLogin = 401, Forbidden = 403, NotFound = 404;

    /// <summary>Who sees what: a route pattern, the address tried ({A} is organisation A's event, {token} and {batch} its upload and import), and the statuses.</summary>
    public static readonly IReadOnlyList<Row> Matrix =
    [
        // Public: anyone, logged in or not.
        new("oppna-data", "/oppna-data", Ok, Ok, Ok, Ok, Ok),
        new("OpenData", "/OpenData", Ok, Ok, Ok, Ok, Ok),
        new("OpenData/Index", "/OpenData/Index", Ok, Ok, Ok, Ok, Ok),
        new("/oppna-data/oppna-data.json", "/oppna-data/oppna-data.json", Ok, Ok, Ok, Ok, Ok),
        new("/oppna-data/oppna-data.csv", "/oppna-data/oppna-data.csv", Ok, Ok, Ok, Ok, Ok),
        new("/oppna-data/oppna-data.xlsx", "/oppna-data/oppna-data.xlsx", Ok, Ok, Ok, Ok, Ok),
        new("/sprak/{culture}", "/sprak/en-GB", Redirect, Redirect, Redirect, Redirect, Redirect),
        new("tillganglighet", "/tillganglighet", Ok, Ok, Ok, Ok, Ok),
        new("om-datan", "/om-datan", Ok, Ok, Ok, Ok, Ok),
        new("konto/logga-in", "/konto/logga-in", Ok, Ok, Ok, Ok, Ok),
        new("/health/live", "/health/live", Ok, Ok, Ok, Ok, Ok),
        new("/health/ready", "/health/ready", Ok, Ok, Ok, Ok, Ok),
        new("Error", "/Error?status=404", NotFound, NotFound, NotFound, NotFound, NotFound),
        // Issue 9's attendee pages: public, rate-limited.
        new("checka-in/{slug}", "/checka-in/{A}", Ok, Ok, Ok, Ok, Ok),
        new("aterkalla", "/aterkalla", Ok, Ok, Ok, Ok, Ok),

        // Any logged-in account.
        new("konto/logga-ut", "/konto/logga-ut", Login, Ok, Ok, Ok, Ok),
        new("konto/losenord", "/konto/losenord", Login, Ok, Ok, Ok, Ok),

        // Aggregates: every role.
        new("", "/", Login, Ok, Ok, Ok, Ok),
        new("Index", "/Index", Login, Ok, Ok, Ok, Ok),
        new("evenemang", "/evenemang", Login, Ok, Ok, Ok, Ok),
        new("Events", "/Events", Login, Ok, Ok, Ok, Ok),
        new("Events/Index", "/Events/Index", Login, Ok, Ok, Ok, Ok),
        new("trender", "/trender", Login, Ok, Ok, Ok, Ok),
        new("Trends", "/Trends", Login, Ok, Ok, Ok, Ok),
        new("Trends/Index", "/Trends/Index", Login, Ok, Ok, Ok, Ok),
        new("kvartal", "/kvartal", Login, Ok, Ok, Ok, Ok),
        new("Quarterly", "/Quarterly", Login, Ok, Ok, Ok, Ok),
        new("Quarterly/Index", "/Quarterly/Index", Login, Ok, Ok, Ok, Ok),
        new("kvartal/{quarter}", "/kvartal/2026Q1", Login, Ok, Ok, Ok, Ok),
        new("Quarterly/Report", "/Quarterly/Report", Login, NotFound, NotFound, NotFound, NotFound),
        new("balans", "/balans", Login, Ok, Ok, Ok, Ok),
        new("Balance", "/Balance", Login, Ok, Ok, Ok, Ok),
        new("Balance/Index", "/Balance/Index", Login, Ok, Ok, Ok, Ok),
        new("rackvidd", "/rackvidd", Login, Ok, Ok, Ok, Ok),
        new("Reach", "/Reach", Login, Ok, Ok, Ok, Ok),
        new("Reach/Index", "/Reach/Index", Login, Ok, Ok, Ok, Ok),
        new("principerna", "/principerna", Login, Ok, Ok, Ok, Ok),
        new("Principles", "/Principles", Login, Ok, Ok, Ok, Ok),
        new("Principles/Index", "/Principles/Index", Login, Ok, Ok, Ok, Ok),
        new("/api/reports/quarter/{quarter}", "/api/reports/quarter/2026Q1", NoLogin, Ok, Ok, Ok, Ok),
        // Issue 9's check-in QR screen for the projector: it shows only the public check-in address and the event's title.
        new("checka-in/{slug}/skarm", "/checka-in/{A}/skarm", Login, Ok, Ok, Ok, Ok),

        // One event in detail: its organisers, the steering group and admins; another organisation's event is not found.
        new("evenemang/{slug}", "/evenemang/{A}", Login, Ok, NotFound, Ok, Ok),
        new("Events/Report", "/Events/Report", Login, NotFound, NotFound, NotFound, NotFound),
        new("/export/event/{slug}.xlsx", "/export/event/{A}.xlsx", NoLogin, Ok, NotFound, Ok, Ok),
        new("/export/event/{slug}.csv", "/export/event/{A}.csv", NoLogin, Ok, NotFound, Ok, Ok),
        new("/api/reports/event/{slug}", "/api/reports/event/{A}", NoLogin, Ok, NotFound, Ok, Ok),

        // Imports: organisers for their own events, and admins; the steering group does not import.
        new("import", "/import", Login, Ok, Ok, Forbidden, Ok),
        new("import/historik", "/import/historik", Login, Ok, Ok, Forbidden, Ok),
        new("import/granska/{token}", "/import/granska/{token}", Login, Ok, NotFound, Forbidden, Ok),
        new("import/status/{token}", "/import/status/{token}", Login, Redirect, NotFound, Forbidden, Redirect),
        new("import/batch/{id:int}", "/import/batch/{batch}", Login, Ok, NotFound, Forbidden, Ok),
        new("import/batch/{id:int}/fel.csv", "/import/batch/{batch}/fel.csv", Login, Ok, NotFound, Forbidden, Ok),

        // Steering packs (the quarter's export is the pack as CSV or workbook): the steering group and admins.
        new("paket", "/paket", Login, Forbidden, Forbidden, Ok, Ok),
        new("paket/{quarter}.xlsx", "/paket/2026Q1.xlsx", Login, Forbidden, Forbidden, Ok, Ok),
        new("/export/quarter/{quarter}.xlsx", "/export/quarter/2026Q1.xlsx", NoLogin, Forbidden, Forbidden, Ok, Ok),
        new("/export/quarter/{quarter}.csv", "/export/quarter/2026Q1.csv", NoLogin, Forbidden, Forbidden, Ok, Ok),

        // Admins only.
        new("admin/logg", "/admin/logg", Login, Forbidden, Forbidden, Forbidden, Ok),
        new("admin/konton", "/admin/konton", Login, Forbidden, Forbidden, Forbidden, Ok),
        new("admin/samtycke", "/admin/samtycke", Login, Forbidden, Forbidden, Forbidden, Ok),
        new("admin/lagring", "/admin/lagring", Login, Forbidden, Forbidden, Forbidden, Ok),
        new("admin/mal", "/admin/mal", Login, Forbidden, Forbidden, Forbidden, Ok),
        new("admin/prognos", "/admin/prognos", Login, Forbidden, Forbidden, Forbidden, Ok),
        new("/hangfire/{**path}", "/hangfire", NoLogin, Forbidden, Forbidden, Forbidden, Ok),
    ];

    public sealed record Row(string Pattern, string Url, int Anonymous, int OrganiserA, int OrganiserB, int Steering, int Admin)
    {
        public int For(TestAccount account) => account switch
        {
            TestAccount.Anonymous => Anonymous,
            TestAccount.OrganiserA => OrganiserA,
            TestAccount.OrganiserB => OrganiserB,
            TestAccount.Steering => Steering,
            _ => Admin,
        };

        public override string ToString() => Url;
    }

    public static TheoryData<string, TestAccount> Cases()
    {
        var cases = new TheoryData<string, TestAccount>();
        foreach (var row in Matrix)
            foreach (var account in Enum.GetValues<TestAccount>())
                cases.Add(row.Pattern, account);
        return cases;
    }

    /// <summary>The route patterns the running app maps: Razor pages (with their default routes too) and minimal endpoints.</summary>
    private IReadOnlyList<string> MappedPatterns() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_endpoint_has_a_row()
    {
        var rows = Matrix.Select(r => r.Pattern).ToHashSet(StringComparer.Ordinal);

        MappedPatterns().Where(p => !rows.Contains(p)).ShouldBeEmpty("these endpoints have no row in the authorisation matrix");
    }

    [Fact]
    public void Every_row_is_an_endpoint_and_appears_once()
    {
        var mapped = MappedPatterns().ToHashSet(StringComparer.Ordinal);

        Matrix.Select(r => r.Pattern).Where(p => !mapped.Contains(p)).ShouldBeEmpty("these rows name no endpoint");
        Matrix.GroupBy(r => r.Pattern).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Answers_each_role_as_the_matrix_says(string pattern, TestAccount account)
    {
        var row = Matrix.Single(r => r.Pattern == pattern);
        var (token, batch) = await SecurityFixtures.OfOrganisationAAsync(factory);
        var url = row.Url.Replace("{A}", AnalyticsWebFactory.EventOfA).Replace("{token}", token).Replace("{batch}", batch.ToString());
        var client = factory.Client(account, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        ((int)response.StatusCode).ShouldBe(row.For(account), $"GET {url} as {account}");
        if (row.For(account) == Login && account == TestAccount.Anonymous && !url.StartsWith("/sprak", StringComparison.Ordinal))
            response.Headers.Location!.AbsolutePath.ShouldBe("/konto/logga-in");
        if (row.For(account) is NotFound)
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("Första mötet", Case.Insensitive);
    }
}
