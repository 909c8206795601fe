using Analytics.Jobs.Scheduling;
using Analytics.Reporting.Forecast;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Forecast;

/// <summary>
/// Trains and stores a new version of the turnout forecast, then rewrites the stored forecasts of planned events with it
/// (<see cref="ForecastUpdates.TrainAsync"/>, which `analytics forecast train` runs too). No arguments: it reads the
/// database. Safe to run twice; each run is one more version.
/// </summary>
public sealed class TrainForecastJob(ForecastUpdates updates, ILogger<TrainForecastJob> log)
{
    public const string Lock = "forecast:train";

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(Lock, 600)]
    [Queue(JobQueues.Reports)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var (version, planned) = await updates.TrainAsync(cancellationToken);
        log.LogInformation("Stored forecast version {Version} (uses model: {UsesModel}); forecasts of {Planned} planned events written",
            version.Version, version.UsesModel, planned);
    }
}

/// <summary>Training on demand, for the admin's "train now" and after a large import.</summary>
public sealed class ForecastJobs(IBackgroundJobClient jobs)
{
    public string EnqueueTraining() => jobs.Enqueue<TrainForecastJob>(j => j.RunAsync(CancellationToken.None));
}
