using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Web.Tests;

/// <summary>
/// The real web app on the embedded default: a real SQLite file in a temporary folder, seeded from data-samples/
/// through the ordinary import on start. One instance is shared, since Hangfire keeps static state.
/// </summary>
public sealed class AnalyticsWebFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "otg-web-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:DataFolder", DataFolder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<AnalyticsWebFactory>
{
    public const string Name = "web";
}
