using Analytics.Core.Disclosure;
using Analytics.Core.Forecasts;
using Analytics.Web.Pages.Forecast;

namespace Analytics.Web.Tests.Pages.Forecast;

public sealed class DoorMixTests
{
    private static readonly DisclosureControl Control = new(new DisclosureOptions { K = 5 });

    private static ProtectedForecast Forecast(params ForecastGroup[] groups) => Control.Protect(
        new ForecastFigures("planned", 1, true, groups.Sum(g => g.Registered), groups.Sum(g => g.Expected), groups.Sum(g => g.Expected * 0.2), groups));

    private static readonly Dictionary<string, double> Targets = new() { ["kommun"] = 0.4, ["region"] = 0.3, ["medborgare"] = 0.3 };

    [Fact]
    public void Shares_at_the_door_are_of_the_expected_attendees_with_a_profile()
    {
        var forecast = Forecast(new ForecastGroup("kommun", "Kommun", 30, 24.0), new ForecastGroup("region", "Region", 10, 8.0),
            new ForecastGroup(ForecastGroup.NoProfile, "Profil ej delad", 10, 6.0));

        DoorMix.Base(forecast).ShouldBe(32);
        DoorMix.BaseIncludesNoProfile(forecast).ShouldBeFalse();
        var rows = DoorMix.Of(forecast, Targets).ToDictionary(r => r.Code);

        rows["kommun"].Share.ShouldBe(24 / 32.0);
        rows["kommun"].ExpectedBelowTarget.ShouldBeFalse();
        rows["region"].Share.ShouldBe(8 / 32.0);
        rows["region"].ExpectedBelowTarget.ShouldBeTrue();
        rows.ShouldNotContainKey(ForecastGroup.NoProfile);
    }

    [Fact]
    public void A_target_sector_nobody_registered_in_is_expected_at_zero_and_below_its_target_when_nothing_is_hidden()
    {
        var forecast = Forecast(new ForecastGroup("kommun", "Kommun", 30, 24.0), new ForecastGroup("region", "Region", 10, 8.0));

        var citizens = DoorMix.Of(forecast, Targets).Single(r => r.Code == "medborgare");

        (citizens.Shown, citizens.Registered, citizens.Expected, citizens.Share).ShouldBe((true, 0, 0, 0.0));
        citizens.Label.ShouldBe("Medborgare och invånare");
        citizens.ExpectedBelowTarget.ShouldBeTrue();
    }

    [Fact]
    public void A_target_sector_that_may_be_a_hidden_small_group_shows_no_numbers_and_no_verdict()
    {
        // Three citizens are hidden (fewer than 5 registered), and Region with them so that they cannot be worked out.
        var forecast = Forecast(new ForecastGroup("kommun", "Kommun", 30, 24.0), new ForecastGroup("region", "Region", 6, 5.0),
            new ForecastGroup("medborgare", "Medborgare och invånare", 3, 2.5), new ForecastGroup(ForecastGroup.NoProfile, "Profil ej delad", 10, 6.0));

        var rows = DoorMix.Of(forecast, Targets).ToDictionary(r => r.Code);

        foreach (var hidden in new[] { rows["medborgare"], rows["region"] })
        {
            (hidden.Shown, hidden.Registered, hidden.Expected, hidden.Share).ShouldBe((false, null, null, null));
            hidden.ExpectedBelowTarget.ShouldBeFalse();
        }
        rows["kommun"].Shown.ShouldBeTrue();
    }

    [Fact]
    public void An_expected_count_shown_as_less_than_k_is_below_a_target_worth_k_or_more_at_the_door()
    {
        var forecast = Forecast(new ForecastGroup("kommun", "Kommun", 30, 27.0), new ForecastGroup("region", "Region", 6, 2.4));

        var region = DoorMix.Of(forecast, Targets).Single(r => r.Code == "region");

        region.Expected.ShouldBeNull();
        forecast.Show(region.Expected).ShouldBe("<5");
        region.Share.ShouldBeNull();
        // 30 % of about 29 at the door is about 9: fewer than 5 is surely under that.
        region.ExpectedBelowTarget.ShouldBeTrue();
    }

    [Fact]
    public void When_the_people_without_a_profile_are_too_few_to_show_the_base_is_everyone_expected_and_says_so()
    {
        var forecast = Forecast(new ForecastGroup("kommun", "Kommun", 30, 24.0), new ForecastGroup("region", "Region", 6, 5.0),
            new ForecastGroup(ForecastGroup.NoProfile, "Profil ej delad", 3, 2.0));

        DoorMix.Base(forecast).ShouldBe(forecast.Expected);
        DoorMix.BaseIncludesNoProfile(forecast).ShouldBeTrue();
        DoorMix.Of(forecast, Targets).Single(r => r.Code == "kommun").Share.ShouldBe(24.0 / forecast.Expected!.Value);
    }

    [Fact]
    public void A_withheld_forecast_has_no_door()
    {
        var forecast = Forecast(new ForecastGroup("kommun", "Kommun", 4, 3.0));

        forecast.Withheld.ShouldBeTrue();
        DoorMix.Base(forecast).ShouldBeNull();
        DoorMix.Of(forecast, Targets).ShouldAllBe(r => r.Share == null && !r.ExpectedBelowTarget);
    }
}
