using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Analytics.Core.Reports;
using Analytics.Reporting.Json;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Analytics.Web.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Providers;

/// <summary>
/// The web app on every configured provider (SQLite always, PostgreSQL when ANALYTICS_TEST_POSTGRES names a server):
/// every page and export of the authorisation matrix (<see cref="AuthorizationMatrixTests.Matrix"/>) is requested as
/// each role and must answer as the matrix says, each HTML page with its heading and no error; and the report documents
/// and the open data must hold the same numbers on PostgreSQL as on SQLite. The rest of the web suite runs on the
/// embedded default only. One factory per provider serves the whole class (<see cref="ProviderFactories"/>), in a
/// collection that runs alone.
/// </summary>
[Collection(ProviderCollection.Name)]
public sealed partial class ProviderPagesTests(ProviderFactories sites) : IClassFixture<ProviderFactories>
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    /// <summary>What a page says when its query found nothing: a page that says it has not read the sample data.</summary>
    private static readonly string[] NothingFound =
    [
        "Det finns inga evenemang ännu", "Det finns inga kvartalsrapporter ännu", "Inget kvartal är avslutat ännu", "Inga importer ännu",
    ];

    [Theory]
    [DatabaseProviders(TestAccount.Anonymous)]
    [DatabaseProviders(TestAccount.OrganiserA)]
    [DatabaseProviders(TestAccount.OrganiserB)]
    [DatabaseProviders(TestAccount.Steering)]
    [DatabaseProviders(TestAccount.Admin)]
    public async Task Every_page_and_export_answers_the_role_as_the_matrix_says(string provider, TestAccount account)
    {
        var site = await sites.SiteAsync(provider);
        var problems = new List<string>();

        foreach (var row in AuthorizationMatrixTests.Matrix)
        {
            var url = site.Address(row.Url);
            var expected = row.For(account);
            using var response = await site.Factory.Client(account, NoRedirects).GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();

            if ((int)response.StatusCode != expected)
                problems.Add($"GET {url}: {(int)response.StatusCode}, the matrix says {expected}{Why(body)}");
            else if (expected == 200 && body.Length == 0)
                problems.Add($"GET {url}: 200 with an empty body");
            else if (expected == 200 && response.Content.Headers.ContentType?.MediaType == "text/html" && !url.StartsWith("/hangfire", StringComparison.Ordinal))
            {
                var page = new HtmlParser().ParseDocument(body);
                if (page.QuerySelector("h1") is not { TextContent.Length: > 0 }) problems.Add($"GET {url}: no h1");
                if (page.QuerySelector(".error-summary") is { } summary) problems.Add($"GET {url}: error summary “{summary.TextContent.Trim()}”");
                if (NothingFound.FirstOrDefault(body.Contains) is { } nothing) problems.Add($"GET {url}: says “{nothing}”");
            }
        }

        problems.ShouldBeEmpty($"{account} on {provider}");
    }

    [Theory]
    [DatabaseProviders]
    public async Task Report_documents_and_open_data_hold_the_same_numbers_as_on_SQLite(string provider)
    {
        var site = await sites.SiteAsync(provider);
        var sqlite = await sites.SiteAsync("sqlite");

        var documents = await DocumentsAsync(site);

        // The baseline holds the sample's figures, so the comparison below compares numbers and not empty shells.
        documents[$"event {AnalyticsWebFactory.EventOfA}"].ShouldContain("\"registered\": 64");
        documents["quarter 2026Q1"].ShouldContain("\"events\": ");
        documents["all all"].ShouldContain("\"registered\": ");
        documents.Keys.ShouldContain(k => k.StartsWith("host ", StringComparison.Ordinal));
        documents["open data csv"].ShouldContain("CC0 1.0");
        if (provider == "sqlite") return;

        var expected = await DocumentsAsync(sqlite);
        documents.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal), "the same report scopes");
        foreach (var (name, body) in expected)
            FirstDifference(body, documents[name]).ShouldBeNull($"{name} on {provider} against SQLite");
    }

    /// <summary>
    /// Every report document, without its volatile parts: event and quarter as GET /api/reports/... serves them (as an
    /// admin), host and all time, which have no endpoint, as the same reader and serialiser make them; and the open
    /// data CSV as anyone downloads it.
    /// </summary>
    private static async Task<Dictionary<string, string>> DocumentsAsync(ProviderSite site)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        var admin = site.Factory.AdminClient();
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<ReportReader>();
        foreach (var report in await scope.ServiceProvider.GetRequiredService<ReportRecomputer>().ScopesAsync())
        {
            string json;
            if (report.Kind is ReportScope.EventKind or ReportScope.QuarterKind)
            {
                using var response = await admin.GetAsync($"/api/reports/{report.Kind}/{report.Key}");
                json = await response.Content.ReadAsStringAsync();
                ((int)response.StatusCode).ShouldBe(200, $"/api/reports/{report.Kind}/{report.Key} on {site.Factory.Provider}: {json}");
            }
            else
            {
                var published = await reader.ReadAsync(report);
                published.ShouldNotBeNull($"{report} on {site.Factory.Provider}");
                json = ReportJson.Serialize(published.Report);
            }
            documents[$"{report.Kind} {report.Key}"] = WithoutVolatile(json);
        }
        var csv = await site.Factory.AnonymousClient().GetStringAsync("/oppna-data/oppna-data.csv");
        documents["open data csv"] = WithoutVolatileLines(csv);
        return documents;
    }

    /// <summary>The JSON with every property that tells when or from which row it was made taken out, indented.</summary>
    private static string WithoutVolatile(string json)
    {
        var node = JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString(ReportJson.Options);

        static void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var name in o.Select(p => p.Key).Where(IsVolatile).ToList()) o.Remove(name);
                    foreach (var (_, value) in o) Strip(value);
                    break;
                case JsonArray a:
                    foreach (var item in a) Strip(item);
                    break;
            }
        }
    }

    private static bool IsVolatile(string name) => VolatileName().IsMatch(name);

    /// <summary>The CSV without the lines that carry a time (when it was made or computed).</summary>
    private static string WithoutVolatileLines(string csv) =>
        string.Join('\n', csv.ReplaceLineEndings("\n").Split('\n').Where(line => !Timestamp().IsMatch(line)));

    /// <summary>Null when equal, else the first line that differs, on both sides.</summary>
    private static string? FirstDifference(string expected, string actual)
    {
        if (expected == actual) return null;
        var (left, right) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var (l, r) = (i < left.Length ? left[i] : "(end)", i < right.Length ? right[i] : "(end)");
            if (l != r) return $"line {i + 1}: SQLite “{l.Trim()}”, here “{r.Trim()}”";
        }
        return "they differ in line endings only";
    }

    /// <summary>What a failing answer says: the developer exception page's title, or the start of the body.</summary>
    private static string Why(string body)
    {
        var title = new HtmlParser().ParseDocument(body).QuerySelector(".titleerror")?.TextContent;
        var text = title ?? body;
        return text.Length == 0 ? "" : $" ({(text.Length > 300 ? text[..300] : text).Trim()})";
    }

    [GeneratedRegex("computedat|revision|dataversion|generatedat", RegexOptions.IgnoreCase)]
    private static partial Regex VolatileName();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")]
    private static partial Regex Timestamp();
}
