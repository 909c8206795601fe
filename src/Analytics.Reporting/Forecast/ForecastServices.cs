using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Reporting.Forecast;

public static class ForecastServices
{
    /// <summary>The turnout forecast: training, prediction and the stored forecasts of planned events.</summary>
    public static IServiceCollection AddForecast(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ForecastSettings.From(configuration));
        services.AddSingleton<LoadedModels>();
        services.AddScoped<TurnoutHistory>();
        services.AddScoped<ForecastTrainer>();
        services.AddScoped<Forecaster>();
        services.AddScoped<ForecastSnapshots>();
        services.AddScoped<ForecastReader>();
        services.AddScoped<ForecastUpdates>();
        return services;
    }
}
