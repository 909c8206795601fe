using Analytics.Data;
using Analytics.Data.Configuration;
using Analytics.Ingest;
using Analytics.Ingest.CheckIn;
using Analytics.Ingest.Uploads;
using Analytics.Jobs.Forecast;
using Analytics.Jobs.Imports;
using Analytics.Jobs.Reports;
using Analytics.Jobs.Retention;
using Analytics.Reporting;
using Analytics.Reporting.Forecast;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs;

public static class AnalyticsServices
{
    /// <summary>
    /// Everything a host needs below its own surface: the database, ingest, reporting and the job classes. Reads and
    /// checks the configuration once; a mistake surfaces as a <see cref="ConfigurationProblem"/> with one sentence.
    /// </summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseSettings.From(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddAnalyticsDatabase(database);
        services.AddIngest(configuration, database);
        services.AddReporting(configuration);
        services.AddForecast(configuration);
        services.AddScoped<TrainForecastJob>();
        services.AddScoped<ForecastJobs>();
        services.AddScoped<RecomputeReportsJob>();
        services.AddScoped<RecomputeEventJob>();
        services.AddScoped<BuildSteeringPackJob>();
        services.AddCheckIn(configuration);
        services.AddSingleton(RetentionSettings.From(configuration));
        services.AddScoped<RetentionPeriod>();
        services.AddScoped<RetentionPurgeJob>();
        services.AddSingleton(s => new UploadStore(UploadStore.FolderFrom(configuration, database), s.GetRequiredService<ImportLimits>(),
            s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ImportProgressBoard>();
        services.AddScoped<ImportUploadJob>();
        return services;
    }
}
