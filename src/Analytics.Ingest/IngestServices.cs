using Analytics.Core.Privacy;
using Analytics.Data.Configuration;
using Analytics.Ingest.Catalogue;
using Analytics.Ingest.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Ingest;

public static class IngestServices
{
    /// <summary>The import pipeline and the attendee key hasher with the deployment secret.</summary>
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        var hasher = new AttendeeKeyHasher(AttendeeKeySecret.Load(configuration, database));
        services.AddSingleton(hasher);
        services.AddSingleton(ImportLimits.From(configuration));
        services.AddSingleton<Mapping.CatalogueCache>();
        services.AddScoped<ImportService>();
        services.AddScoped<CatalogueImporter>();
        services.AddScoped<EventCatalogue>();
        services.AddScoped<SampleDataSeeder>();
        return services;
    }
}
