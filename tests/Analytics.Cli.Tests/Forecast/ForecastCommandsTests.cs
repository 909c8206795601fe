using System.Text.Json;
using Analytics.Core.Events;
using Analytics.Core.Forecasts;
using Analytics.Reporting.Forecast;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Tests.Forecast;

public sealed class ForecastCommandsTests
{
    private static async Task ArrangeAsync(CliSandbox cli)
    {
        await cli.SucceedsAsync("db", "migrate");
        await using var db = cli.OpenDatabase();
        await TurnoutData.WriteHeldAsync(db, events: 24, perEvent: 40, TurnoutData.Signal);
        await TurnoutData.WritePlannedAsync(db, "planned",
        [
            .. TurnoutData.People("k", 12, "kommun"), .. TurnoutData.People("s", 6, "region", "student"), .. TurnoutData.People("a", 2, "akademi"),
            .. TurnoutData.People("t", 3, "stat"),
        ]);
    }

    [Theory, DatabaseProviders]
    public async Task Forecast_event_json_has_the_protected_forecast_and_the_evaluation_of_its_version(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ArrangeAsync(cli);

        var run = await cli.SucceedsAsync("forecast", "event", "planned", "--format", "json");

        using var document = JsonDocument.Parse(run.Out);
        var forecast = document.RootElement.GetProperty("forecast");
        forecast.GetProperty("eventSlug").GetString().ShouldBe("planned");
        forecast.GetProperty("k").GetInt32().ShouldBe(5);
        forecast.GetProperty("modelVersion").GetInt32().ShouldBe(1);
        forecast.GetProperty("usesModel").GetBoolean().ShouldBeTrue();
        forecast.GetProperty("withheld").GetBoolean().ShouldBeFalse();
        forecast.GetProperty("registered").GetInt32().ShouldBe(23);
        var expected = forecast.GetProperty("expected").GetInt32();
        expected.ShouldBeInRange(forecast.GetProperty("low").GetInt32(), forecast.GetProperty("high").GetInt32());
        forecast.GetProperty("note").GetString().ShouldStartWith("Forecast.");

        // Akademi (2) and Stat (3) registered fewer than k each but k together: they are left out, the rest shown.
        var sectors = forecast.GetProperty("sectors").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!);
        sectors.Keys.ShouldBe(["kommun", "region"], ignoreOrder: true);
        sectors["kommun"].GetProperty("label").GetString().ShouldBe("Municipality");
        sectors["kommun"].GetProperty("registered").GetInt32().ShouldBe(12);
        // Six students at about 0.4 each: about 2.4 expected, so no number is shown.
        sectors["region"].GetProperty("expected").ValueKind.ShouldBe(JsonValueKind.Null);
        sectors["region"].GetProperty("expectedRate").ValueKind.ShouldBe(JsonValueKind.Null);

        var model = document.RootElement.GetProperty("model");
        model.GetProperty("version").GetInt32().ShouldBe(1);
        model.GetProperty("usesModel").GetBoolean().ShouldBeTrue();
        var evaluation = model.GetProperty("evaluation");
        (evaluation.GetProperty("trainEvents").GetInt32(), evaluation.GetProperty("testEvents").GetInt32()).ShouldBe((18, 6));
        evaluation.GetProperty("model").GetProperty("brier").GetDouble()
            .ShouldBeLessThan(evaluation.GetProperty("baseline").GetProperty("brier").GetDouble());
        evaluation.GetProperty("model").GetProperty("auc").GetDouble().ShouldBeGreaterThan(0.7);
        evaluation.GetProperty("calibration").GetArrayLength().ShouldBe(10);
        evaluation.TryGetProperty("baseRates", out _).ShouldBeFalse("base rates of small sectors would give their people away");
        foreach (var bin in evaluation.GetProperty("calibration").EnumerateArray())
            if (bin.GetProperty("count").ValueKind == JsonValueKind.Number)
                bin.GetProperty("count").GetInt32().ShouldNotBeInRange(1, 4);
    }

    [Theory, DatabaseProviders]
    public async Task Forecast_train_stores_a_new_version_each_time(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ArrangeAsync(cli);

        await cli.SucceedsAsync("forecast", "train");
        var second = await cli.SucceedsAsync("forecast", "train");

        using var document = JsonDocument.Parse(second.Out);
        document.RootElement.GetProperty("version").GetInt32().ShouldBe(2);
        await using var db = cli.OpenDatabase();
        db.ForecastModels.Count().ShouldBe(2);
    }

    /// <summary>
    /// The command line does the weekly job's work (ForecastUpdates.TrainAsync), not only the training: each version it
    /// trains also rewrites the stored forecast of every planned event, the one shown beside the outcome afterwards.
    /// </summary>
    [Theory, DatabaseProviders]
    public async Task Forecast_train_rewrites_the_stored_forecasts_of_planned_events_as_the_weekly_job_does(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ArrangeAsync(cli);
        await using (var db = cli.OpenDatabase())
        {
            // The command line reads the real clock: an event a month from now is planned whenever the test runs.
            var data = new ReportData(db);
            var later = await data.EventAsync("next-month", Quarter.ToStockholm(DateTime.UtcNow.AddDays(30)));
            await data.AddAsync(later, [.. TurnoutData.People("n", 9, "kommun"), .. TurnoutData.People("m", 6, "region", "student")]);
        }

        await cli.SucceedsAsync("forecast", "train");
        var second = await cli.SucceedsAsync("forecast", "train");

        using var document = JsonDocument.Parse(second.Out);
        document.RootElement.GetProperty("version").GetInt32().ShouldBe(2);
        await using var read = cli.OpenDatabase();
        var stored = await read.ForecastSnapshots.AsNoTracking()
            .Join(read.Events, s => s.EventId, e => e.Id, (s, e) => new { e.Slug, s.ModelVersion, s.Payload }).ToListAsync();
        // Every event still to come ("planned" too until its day in December 2026), none of the held ones.
        var now = DateTime.UtcNow;
        stored.Select(s => s.Slug).ShouldBe(await read.Events.Where(e => e.StartsAtUtc > now).Select(e => e.Slug).ToListAsync(), ignoreOrder: true);
        stored.ShouldAllBe(s => s.ModelVersion == 2);
        var figures = JsonSerializer.Deserialize<ForecastFigures>(stored.Single(s => s.Slug == "next-month").Payload, ForecastTrainer.Json)!;
        (figures.ModelVersion, figures.Registered).ShouldBe((2, 15));
        figures.Expected.ShouldBeInRange(1.0, 15.0);
    }

    [Theory, DatabaseProviders]
    public async Task An_unknown_event_is_a_sentence_and_exit_code_1(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await ArrangeAsync(cli);

        var run = await cli.RunAsync("forecast", "event", "no-such-event");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("There is no event “no-such-event”");
    }
}
