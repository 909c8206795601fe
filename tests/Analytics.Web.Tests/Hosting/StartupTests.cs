using System.Diagnostics;

namespace Analytics.Web.Tests.Hosting;

/// <summary>Configuration mistakes stop the real process with one sentence and exit code 2, never a stack trace.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Database__Provider", "oracle", "Okänd databas ”oracle”")]
    [InlineData("Database__Provider", "postgres", "ingen anslutningssträng är angiven")]
    [InlineData("Disclosure__K", "2", "aldrig vara lägre än 3")]
    public async Task Refuses_a_bad_setting_with_one_sentence(string setting, string value, string expected)
    {
        var web = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [web])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(web)!,
        };
        start.Environment["ANALYTICS_" + setting] = value;
        start.Environment["ANALYTICS_Database__DataFolder"] = Path.Combine(Path.GetTempPath(), "otg-startup-" + Guid.NewGuid().ToString("N"));
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.ShouldBe(2);
        (await stderr).ShouldContain(expected);
        (await stderr + await stdout).ShouldNotContain("   at ");
    }
}
