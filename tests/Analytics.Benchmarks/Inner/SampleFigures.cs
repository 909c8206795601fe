using System.Text.Json;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Ingest.Seeding;
using Analytics.Jobs;
using Analytics.Reporting.Figures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Benchmarks.Inner;

/// <summary>
/// Real figures to benchmark with: data-samples/ seeded into a throwaway SQLite database through the importer, and one
/// quarter's figures built as the report job builds them, with the snapshot payload the job stores.
/// </summary>
internal static class SampleFigures
{
    public static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    public static (ReportFigures Figures, string Payload) Quarter(string quarter)
    {
        var folder = Directory.CreateTempSubdirectory("analytics-bench-figures-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Database:DataFolder", folder)]).Build();
            var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddAnalytics(configuration)
                .BuildServiceProvider();
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            ReferenceData.MigrateAsync(db).GetAwaiter().GetResult();
            scope.ServiceProvider.GetRequiredService<SampleDataSeeder>()
                .SeedAsync(SampleFolder.Locate() ?? throw new DirectoryNotFoundException("data-samples/ not found")).GetAwaiter().GetResult();
            Core.Events.Quarter.TryParse(quarter, out var parsed).ShouldBeTrue();
            var figures = scope.ServiceProvider.GetRequiredService<ReportBuilder>().BuildQuarterAsync(parsed).GetAwaiter().GetResult();
            return (figures, JsonSerializer.Serialize(figures, PayloadOptions));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
