using Analytics.Core.Consent;
using Analytics.Data.Configuration;
using Analytics.Ingest.CheckIn;
using Microsoft.Extensions.Configuration;

namespace Analytics.Ingest.Tests.CheckIn;

public class CheckInSettingsTests
{
    private static IConfiguration Configuration(string? before, string? after) => new ConfigurationBuilder().AddInMemoryCollection(
        new Dictionary<string, string?> { ["CheckIn:OpensHoursBefore"] = before, ["CheckIn:ClosesHoursAfter"] = after }).Build();

    [Fact]
    public void Opens_two_hours_before_and_closes_four_hours_after_unless_configured()
    {
        CheckInSettings.From(Configuration(null, null)).ShouldBe(new CheckInWindow(2, 4));
        CheckInSettings.From(Configuration("0", "48")).ShouldBe(new CheckInWindow(0, 48));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("49")]
    [InlineData("två")]
    public void A_window_outside_0_to_48_hours_is_refused_at_start(string hours) =>
        Should.Throw<ConfigurationProblem>(() => CheckInSettings.From(Configuration(hours, null)))
            .Message.ShouldBe($"CheckIn:OpensHoursBefore ska vara ett heltal mellan 0 och 48 timmar, inte ”{hours}”.");
}
