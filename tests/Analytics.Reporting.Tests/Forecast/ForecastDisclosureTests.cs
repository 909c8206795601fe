using Analytics.Core.Disclosure;
using Analytics.Core.Forecasts;
using Analytics.Reporting.Forecast;
using Analytics.Testing;

namespace Analytics.Reporting.Tests.Forecast;

public sealed class ForecastDisclosureTests
{
    private static readonly DisclosureControl Control = new(new DisclosureOptions { K = 5 });

    private static ForecastFigures Figures(params ForecastGroup[] groups) =>
        new("planned", 1, true, groups.Sum(g => g.Registered), groups.Sum(g => g.Expected), groups.Sum(g => g.Expected * 0.2), groups);

    private static void NoSmallExpectedCount(ProtectedForecast forecast)
    {
        foreach (var count in new[] { forecast.Expected, forecast.Low, forecast.High }.Concat(forecast.Sectors.Select(s => s.Expected)))
            if (count is { } c) (c is 0 or >= 5).ShouldBeTrue($"an expected count of {c} is shown");
        forecast.Sectors.ShouldAllBe(s => s.Registered >= 5);
    }

    private static ForecastEvaluation Evaluation(params int[] bins) => new()
    {
        TrainEvents = 30, TestEvents = 10, TrainRows = 900, TestRows = bins.Sum(), Reason = "test", BaseRates = new BaseRates(0.8, new Dictionary<string, double>()),
        Calibration = [.. bins.Select((n, i) => new CalibrationBin(i / 10.0, (i + 1) / 10.0, n, n == 0 ? null : i / 10.0 + 0.05, n == 0 ? null : 0.5))],
    };

    [Theory]
    [InlineData(new[] { 0, 3, 40, 50, 7, 0 }, new[] { 1, 4 })]
    [InlineData(new[] { 2, 100, 200 }, new[] { 0, 1 })]
    [InlineData(new[] { 1, 2, 30, 60 }, new[] { 0, 1, 2 })]
    public void Hidden_calibration_bins_cannot_be_recovered_from_the_test_rows(int[] bins, int[] expectedHidden)
    {
        var evaluation = Control.Protect(Evaluation(bins));

        Enumerable.Range(0, bins.Length).Where(i => evaluation.Calibration[i].Count is null).ShouldBe(expectedHidden);
        evaluation.TestRows.ShouldBe(bins.Sum());
        var hidden = expectedHidden.Sum(i => bins[i]);
        (hidden >= 5 && expectedHidden.Length > 1).ShouldBeTrue("the hidden bins hold at least k together, never one alone");
        evaluation.Calibration.Where(b => b.Count is null).ShouldAllBe(b => b.Observed == null && b.MeanPredicted == null);
    }

    [Fact]
    public void When_nothing_more_can_be_hidden_the_test_rows_go_too()
    {
        var evaluation = Control.Protect(Evaluation(0, 3, 0));

        evaluation.Calibration.ShouldAllBe(b => b.Count == null || b.Count == 0);
        evaluation.TestRows.ShouldBeNull();
    }

    [Fact]
    public void An_event_with_fewer_than_k_registrations_shows_nothing()
    {
        var forecast = Control.Protect(Figures(new ForecastGroup("kommun", "Kommun", 4, 3.2)));

        forecast.Withheld.ShouldBeTrue();
        (forecast.Registered, forecast.Expected, forecast.Low, forecast.High).ShouldBe((null, null, null, null));
        forecast.Sectors.ShouldBeEmpty();
        forecast.Note.ShouldContain("färre än 5");
    }

    [Fact]
    public void An_expected_count_of_1_to_k_minus_1_is_shown_as_less_than_k()
    {
        var forecast = Control.Protect(Figures(new ForecastGroup("kommun", "Kommun", 30, 27.0), new ForecastGroup("akademi", "Akademi", 6, 2.4)));

        forecast.Expected.ShouldBe(29);
        var akademi = forecast.Sectors.Single(s => s.Code == "akademi");
        akademi.Expected.ShouldBeNull();
        forecast.Show(akademi.Expected).ShouldBe("<5");
        akademi.ExpectedRate.ShouldBeNull();
        NoSmallExpectedCount(forecast);
    }

    [Fact]
    public void A_sector_with_fewer_than_k_registered_is_left_out_and_so_is_the_next_smallest_when_alone()
    {
        var forecast = Control.Protect(Figures(new ForecastGroup("kommun", "Kommun", 30, 27.0), new ForecastGroup("region", "Region", 8, 7.1),
            new ForecastGroup("stat", "Stat", 3, 2.7)));

        // Stat alone would be the total minus the others, so Region, the next smallest, is hidden with it.
        forecast.Sectors.Select(s => s.Code).ShouldBe(["kommun"]);
        forecast.Note.ShouldContain("Sektorer med färre än 5 anmälda visas inte");
        NoSmallExpectedCount(forecast);
    }

    [Fact]
    public void The_interval_is_the_sum_of_probabilities_plus_minus_1_96_standard_deviations()
    {
        var figures = new ForecastFigures("planned", 1, true, 40, 30.0, 6.25, [new ForecastGroup("kommun", "Kommun", 40, 30.0)]);

        var forecast = Control.Protect(figures);

        // 30 ± 1.96 · 2.5 = 25.1 .. 34.9
        (forecast.Low, forecast.Expected, forecast.High).ShouldBe((25, 30, 35));
    }

    [Theory, DatabaseProviders]
    public async Task The_forecast_of_a_planned_event_in_the_database_passes_disclosure(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            await TurnoutData.WriteHeldAsync(db, events: 24, perEvent: 40, TurnoutData.Signal);
            await TurnoutData.WritePlannedAsync(db, "planned",
            [
                .. TurnoutData.People("k", 12, "kommun"), .. TurnoutData.People("s", 6, "region", "student"),
                .. TurnoutData.People("a", 3, "akademi"), .. TurnoutData.People("t", 2, "stat"),
            ]);
            await new ForecastTrainer(db, new TurnoutHistory(db), new ForecastSettings(), new FixedClock(TurnoutData.Now)).TrainAsync(CancellationToken.None);
        }

        await using var read = database.Open();
        var figures = (await new Forecaster(read, new TurnoutHistory(read), new LoadedModels()).ForecastAsync("planned", CancellationToken.None))!;
        var forecast = Control.Protect(figures);

        figures.Registered.ShouldBe(23);
        forecast.Registered.ShouldBe(23);
        // Akademi (3) and Stat (2) are hidden; together they cover 5 registrations, so nothing else has to go with them.
        forecast.Sectors.ShouldNotContain(s => s.Code == "akademi" || s.Code == "stat");
        // Six students at about 0.4: about 2.4 expected, shown as <5.
        forecast.Sectors.Single(s => s.Code == "region").Expected.ShouldBeNull();
        NoSmallExpectedCount(forecast);
    }
}
