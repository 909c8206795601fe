using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Analytics.Web.Tests.Security;

/// <summary>
/// The real process in Production on a database that was never migrated: every query fails inside the app, and the
/// person sees the generic Swedish error page with a reference, never the exception, its stack trace or SQL.
/// </summary>
public sealed partial class ProductionErrorTests
{
    [Fact]
    public async Task A_failure_shows_the_generic_swedish_page_without_a_stack_trace()
    {
        var web = typeof(Program).Assembly.Location;
        var folder = Path.Combine(Path.GetTempPath(), "otg-production-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet", [web])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(web)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ANALYTICS_Database__Provider"] = "sqlite";
        start.Environment["ANALYTICS_Accessibility__Contact"] = "tillganglighet@example.org";
        start.Environment["ANALYTICS_Privacy__AttendeeKeySecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        start.Environment["ANALYTICS_Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "unmigrated.db")}";
        using var process = Process.Start(start)!;
        try
        {
            var address = await ListeningAddressAsync(process);
            using var http = new HttpClient { BaseAddress = address };

            var response = await http.GetAsync("/oppna-data");
            var html = await response.Content.ReadAsStringAsync();

            response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
            html.ShouldContain("<h1>Något gick fel</h1>");
            html.ShouldContain("Felkod");
            html.ShouldNotContain("   at ");
            html.ShouldNotContain("Exception");
            html.ShouldNotContain("no such table", Case.Insensitive);
            html.ShouldNotContain("SELECT", Case.Sensitive);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Uri> ListeningAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (Listening().Match(line) is { Success: true } m) return new Uri(m.Groups[1].Value);
        throw new InvalidOperationException("The app stopped before it listened: " + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
