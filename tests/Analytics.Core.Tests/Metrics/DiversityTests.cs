using Analytics.Core.Metrics;

namespace Analytics.Core.Tests.Metrics;

public class DiversityTests
{
    private const double Tolerance = 1e-9;

    // Four sectors of 10 people each: p = 0.25 everywhere, H = −4 · 0.25 · ln 0.25 = ln 4.
    private static readonly int[] FourEqualSectors = [10, 10, 10, 10];

    // 41 people in four sectors (the event report example):
    //   n    p = n/41         ln p             p ln p
    //   17   0.414634146      −0.880358723     −0.365026787
    //   12   0.292682927      −1.228665417     −0.359609390
    //    8   0.195121951      −1.634130525     −0.318854737
    //    4   0.097560976      −2.327277706     −0.227051483
    //   H = 1.270542398;  exp(H) = 3.562784485;  H / ln 4 = 1.270542398 / 1.386294361 = 0.916502608
    //   Blau: Σ n(n−1) = 272 + 132 + 56 + 12 = 472;  N(N−1) = 41 · 40 = 1640;  1 − 472/1640 = 0.712195122
    private static readonly int[] EventExample = [17, 12, 8, 4];

    [Fact]
    public void Four_equal_sectors_are_as_diverse_as_four_equal_sectors() =>
        Diversity.EffectiveNumber(FourEqualSectors).ShouldBe(4, Tolerance);

    [Fact]
    public void Blau_uses_the_unbiased_small_group_form_for_four_equal_sectors() =>
        // 1 − 4 · 10 · 9 / (40 · 39) = 1 − 360/1560; the biased form would give 0.75.
        Diversity.Blau(FourEqualSectors)!.Value.ShouldBe(1 - 360.0 / 1560, Tolerance);

    [Fact]
    public void Four_equal_sectors_are_perfectly_even() =>
        Diversity.Evenness(FourEqualSectors)!.Value.ShouldBe(1, Tolerance);

    [Fact]
    public void Shannon_entropy_of_the_event_example_is_worked_out_by_hand() =>
        Diversity.Shannon(EventExample).ShouldBe(1.270542398, 1e-9);

    [Fact]
    public void Effective_number_of_the_event_example_is_exp_of_its_entropy() =>
        Diversity.EffectiveNumber(EventExample).ShouldBe(3.562784485, 1e-9);

    [Fact]
    public void Blau_of_the_event_example_is_worked_out_by_hand() =>
        Diversity.Blau(EventExample)!.Value.ShouldBe(0.712195122, 1e-9);

    [Fact]
    public void Evenness_of_the_event_example_is_entropy_over_ln_of_the_categories_present() =>
        Diversity.Evenness(EventExample)!.Value.ShouldBe(0.916502608, 1e-9);

    [Fact]
    public void A_single_category_counts_as_one_and_has_no_evenness()
    {
        int[] counts = [12];
        Diversity.Shannon(counts).ShouldBe(0);
        Diversity.EffectiveNumber(counts).ShouldBe(1);
        Diversity.Blau(counts)!.Value.ShouldBe(0);
        Diversity.Evenness(counts).ShouldBeNull();
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 0, 1, 0 })]
    public void Blau_is_undefined_below_two_people(int[] counts) => Diversity.Blau(counts).ShouldBeNull();

    [Fact]
    public void Blau_of_two_people_in_different_categories_is_one() => Diversity.Blau([1, 1])!.Value.ShouldBe(1);

    [Fact]
    public void Nobody_at_all_has_no_diversity()
    {
        Diversity.Shannon([]).ShouldBe(0);
        Diversity.EffectiveNumber([]).ShouldBe(0);
        Diversity.EffectiveNumber([0, 0]).ShouldBe(0);
        Diversity.Evenness([0, 0]).ShouldBeNull();
    }

    [Fact]
    public void Categories_with_nobody_in_them_are_ignored()
    {
        int[] withZeros = [17, 0, 12, 8, 0, 4];
        Diversity.Shannon(withZeros).ShouldBe(Diversity.Shannon(EventExample), Tolerance);
        Diversity.EffectiveNumber(withZeros).ShouldBe(Diversity.EffectiveNumber(EventExample), Tolerance);
        Diversity.Blau(withZeros)!.Value.ShouldBe(Diversity.Blau(EventExample)!.Value, Tolerance);
        Diversity.Evenness(withZeros)!.Value.ShouldBe(Diversity.Evenness(EventExample)!.Value, Tolerance);
    }

    [Fact]
    public void A_lopsided_mix_is_less_even_than_a_balanced_one()
    {
        int[] lopsided = [37, 1, 1, 1];
        Diversity.EffectiveNumber(lopsided).ShouldBeLessThan(Diversity.EffectiveNumber(FourEqualSectors));
        Diversity.Evenness(lopsided)!.Value.ShouldBeLessThan(0.5);
    }

    [Fact]
    public void Does_not_depend_on_the_order_of_the_categories()
    {
        int[] reversed = [4, 8, 12, 17];
        Diversity.EffectiveNumber(reversed).ShouldBe(Diversity.EffectiveNumber(EventExample), Tolerance);
        Diversity.Blau(reversed)!.Value.ShouldBe(Diversity.Blau(EventExample)!.Value, Tolerance);
    }
}
