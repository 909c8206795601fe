using System.Globalization;
using Analytics.Core.Disclosure;
using Analytics.Data.Configuration;
using Analytics.Reporting.Charts;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Figures;
using Analytics.Reporting.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Reporting;

public static class ReportingServices
{
    /// <summary>Report builders, snapshots and the disclosure control every output passes through.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new DisclosureControl(ReadDisclosure(configuration)));
        services.AddScoped<ReportBuilder>();
        services.AddScoped<SnapshotStore>();
        services.AddScoped<ReportRecomputer>();
        // One per process: protected reports by snapshot row, shared by every request (see ReportCache).
        services.AddSingleton<ReportCache>();
        // One per process as well: charts drawn from those reports, by the same revisions (see ChartCache).
        services.AddSingleton<ChartCache>();
        services.AddScoped<ReportReader>();
        services.AddScoped<ExportReader>();
        services.AddScoped<SteeringPackStore>();
        return services;
    }

    /// <summary>Disclosure:K, checked at start-up: a threshold below 3 is refused with a sentence, not a stack trace.</summary>
    public static DisclosureOptions ReadDisclosure(IConfiguration configuration)
    {
        var options = new DisclosureOptions();
        if (configuration["Disclosure:K"] is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k))
                throw new ConfigurationProblem(DisclosureOptions.NotANumber(text));
            options.K = k;
        }
        if (options.Validate() is { } problem) throw new ConfigurationProblem(problem);
        return options;
    }
}
