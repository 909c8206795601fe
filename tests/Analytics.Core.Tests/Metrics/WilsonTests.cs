using Analytics.Core.Metrics;

namespace Analytics.Core.Tests.Metrics;

public class WilsonTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17, table II,
    // method 3 (score interval). With z = 1.959964, z² = 3.841459:
    //   81/263: p = 0.307985;  denominator 1 + z²/n = 1.014606;  centre (p + z²/2n) / 1.014606 = 0.310749;
    //           half-width z / 1.014606 · √(p(1−p)/n + z²/4n²) = 1.931748 · 0.028710 = 0.055461  →  (0.2553, 0.3662)
    //   15/148 → (0.0624, 0.1605),   0/20 → (0.0000, 0.1611),   1/29 → (0.0061, 0.1718)
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Matches_the_score_intervals_in_Newcombes_table(int k, int n, double low, double high)
    {
        var interval = Wilson.Interval(k, n)!.Value;
        interval.Low.ShouldBe(low, 0.00005);
        interval.High.ShouldBe(high, 0.00005);
    }

    [Fact]
    public void Nobody_of_n_starts_at_exactly_zero_and_reaches_z_squared_over_n_plus_z_squared()
    {
        // 0/20: high = z² / (n + z²) = 3.841459 / 23.841459 = 0.161125.
        var interval = Wilson.Interval(0, 20)!.Value;
        interval.Low.ShouldBe(0);
        interval.High.ShouldBe(0.161125, 1e-6);
    }

    [Fact]
    public void Everybody_of_n_ends_at_exactly_one_and_starts_at_n_over_n_plus_z_squared()
    {
        // 29/29: low = n / (n + z²) = 29 / 32.841459 = 0.883030.
        var interval = Wilson.Interval(29, 29)!.Value;
        interval.High.ShouldBe(1);
        interval.Low.ShouldBe(0.883030, 1e-6);
    }

    [Fact]
    public void A_single_person_still_gets_an_interval_inside_zero_and_one()
    {
        // 1/1: low = 1 / (1 + z²) = 1 / 4.841459 = 0.206549; 0/1 mirrors it with high = 1 − 0.206549 = 0.793451.
        var one = Wilson.Interval(1, 1)!.Value;
        one.Low.ShouldBe(0.206549, 1e-6);
        one.High.ShouldBe(1);
        var none = Wilson.Interval(0, 1)!.Value;
        none.Low.ShouldBe(0);
        none.High.ShouldBe(0.793451, 1e-6);
    }

    [Fact]
    public void Has_no_interval_for_no_one() => Wilson.Interval(0, 0).ShouldBeNull();

    [Fact]
    public void Refuses_more_successes_than_trials() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Wilson.Interval(3, 2));

    [Fact]
    public void Contains_the_observed_share_stays_within_zero_and_one_and_mirrors_its_complement()
    {
        var random = new Random(20260923);
        for (var i = 0; i < 2000; i++)
        {
            var n = random.Next(1, 500);
            var k = random.Next(0, n + 1);
            var (low, high) = Wilson.Interval(k, n)!.Value;
            var p = (double)k / n;

            low.ShouldBeInRange(0, p);
            high.ShouldBeInRange(p, 1);
            var (complementLow, complementHigh) = Wilson.Interval(n - k, n)!.Value;
            low.ShouldBe(1 - complementHigh, 1e-12);
            high.ShouldBe(1 - complementLow, 1e-12);
        }
    }

    [Fact]
    public void Narrows_as_the_event_grows_at_the_same_share()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var n = random.Next(1, 200);
            var k = random.Next(0, n + 1);
            var small = Wilson.Interval(k, n)!.Value;
            var large = Wilson.Interval(4 * k, 4 * n)!.Value;
            (large.High - large.Low).ShouldBeLessThan(small.High - small.Low);
        }
    }
}
