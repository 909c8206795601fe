using System.CommandLine;
using Analytics.Cli.Hosting;
using Analytics.Core.Disclosure;
using Analytics.Core.Forecasts;
using Analytics.Reporting.Forecast;

namespace Analytics.Cli.Forecast;

/// <summary>
/// `analytics forecast event SLUG --format json`: the expected turnout of an event and its mix at the door, protected by
/// disclosure control, with the evaluation of the version that made it. `analytics forecast train` does the weekly job's
/// work (<see cref="ForecastUpdates.TrainAsync"/>): trains a new version and rewrites the planned events' stored forecasts.
/// </summary>
internal static class ForecastCommands
{
    public static Command Create(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The event's slug." };
        var format = new Option<string>("--format") { Description = "json (the only format so far).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json");
        var forEvent = new Command("event", "The forecast turnout and mix at the door of one event; trains a first version if there is none.")
        {
            slug, format,
        };
        host.SetAction<ShowForecast>(forEvent, (handler, r, ct) => handler.RunAsync(r.GetValue(slug)!, ct));
        var train = new Command("train",
            "Trains and stores a new version of the forecast, rewrites the planned events' stored forecasts with it, and prints its evaluation.");
        host.SetAction<ShowForecast>(train, (handler, _, ct) => handler.TrainAsync(ct));
        return new Command("forecast", "Turnout forecasts for events, from a model of past attendance.") { forEvent, train };
    }
}

internal sealed class ShowForecast(ForecastUpdates updates, Forecaster forecaster, DisclosureControl disclosure, CliOutput output)
{
    public async Task<int> RunAsync(string slug, CancellationToken cancellationToken)
    {
        // Like `report`, the command line may wait for work the web leaves to jobs: here, a first version.
        var version = await forecaster.CurrentAsync(cancellationToken) ?? (await updates.TrainAsync(cancellationToken)).Version;
        if (await forecaster.ForecastAsync(slug, cancellationToken) is not { } figures)
        {
            await output.Error.WriteLineAsync($"There is no event “{slug}”; see `analytics events list`.");
            return ExitCodes.Rejected;
        }
        var forecast = disclosure.Protect(figures);
        await output.Out.WriteLineAsync(CliJson.Serialize(new ForecastDocument(forecast, Model.Of(version, disclosure))));
        return ExitCodes.Ok;
    }

    public async Task<int> TrainAsync(CancellationToken cancellationToken)
    {
        // The job's own work, not a copy of it: a version trained here also refreshes what the pages show after each event.
        var trained = await updates.TrainAsync(cancellationToken);
        await output.Out.WriteLineAsync(CliJson.Serialize(Model.Of(trained.Version, disclosure)));
        return ExitCodes.Ok;
    }
}

/// <summary>The documented JSON of `analytics forecast event`: the protected forecast and the version behind it.</summary>
internal sealed record ForecastDocument(ProtectedForecast Forecast, Model Model);

/// <summary>A version and how it did against the base rates on later events.</summary>
internal sealed record Model(int Version, DateTime TrainedAtUtc, bool UsesModel, ProtectedEvaluation Evaluation)
{
    public static Model Of(ForecastModel version, DisclosureControl disclosure) => new(version.Version, version.TrainedAtUtc, version.UsesModel,
        disclosure.Protect(Forecaster.EvaluationOf(version)));
}
