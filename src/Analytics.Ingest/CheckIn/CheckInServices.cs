using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Ingest.CheckIn;

public static class CheckInServices
{
    /// <summary>Check-in, consent texts and withdrawal; the window is read and checked once, at start.</summary>
    public static IServiceCollection AddCheckIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(CheckInSettings.From(configuration));
        services.AddScoped<CheckInService>();
        services.AddScoped<ConsentTexts>();
        services.AddScoped<WithdrawalService>();
        return services;
    }
}
