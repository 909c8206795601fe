using Analytics.Data.Configuration;
using Analytics.Reporting.Forecast;
using Microsoft.Extensions.Configuration;

namespace Analytics.Reporting.Tests.Forecast;

public sealed class ForecastSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void The_minimum_history_and_seed_come_from_configuration_with_defaults()
    {
        ForecastSettings.From(Configuration()).ShouldBe(new ForecastSettings());
        var settings = ForecastSettings.From(Configuration(("Forecast:MinimumEvents", "12"), ("Forecast:Seed", "3")));
        (settings.MinimumEvents, settings.Seed).ShouldBe((12, 3));
    }

    [Theory]
    [InlineData("many")]
    [InlineData("1")]
    public void A_minimum_that_is_not_a_whole_number_of_at_least_2_is_one_sentence(string value)
    {
        var problem = Should.Throw<ConfigurationProblem>(() => ForecastSettings.From(Configuration(("Forecast:MinimumEvents", value))));
        problem.Message.ShouldBe($"Forecast:MinimumEvents should be a whole number of at least 2, not “{value}”.");
    }
}
