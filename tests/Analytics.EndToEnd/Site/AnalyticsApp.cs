using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Analytics.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.EndToEnd.Site;

/// <summary>
/// The real web app as people run it: the embedded default (a SQLite file in a temporary data folder, seeded from
/// data-samples/ on start), in Development, served by Kestrel on a free port so that a real browser can reach it, on
/// the sample's day (<see cref="SampleClock"/>).
/// </summary>
public sealed class AnalyticsApp : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "otg-e2e-" + Guid.NewGuid().ToString("N"));

    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:DataFolder", _dataFolder);
        // Ten events a page, so the events list shows its page links to every check (axe, keyboard, zoom, screenshots).
        builder.UseSetting("Pages:EventsPerPage", "10");
        // Request logs from a hundred page loads would bury the test results.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // The sample's day, so its planned events stay planned whenever the tests run.
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(SampleClock.Instance));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }
}
