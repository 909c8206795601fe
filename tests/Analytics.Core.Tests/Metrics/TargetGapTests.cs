using Analytics.Core.Metrics;

namespace Analytics.Core.Tests.Metrics;

public class TargetGapTests
{
    // An event's sector mix against a target mix (two categories on one side only):
    //   code            p      r      p − r    p / r
    //   akademi         0.20   0      +0.20    undefined
    //   civilsamhalle   0      0.25   −0.25    0
    //   kommun          0.50   0.30   +0.20    1.666667
    //   naringsliv      0      0.25   −0.25    0
    //   stat            0.30   0.20   +0.10    1.5
    //   Σ |p − r| = 0.20 + 0.25 + 0.20 + 0.25 + 0.10 = 1.00;  D = ½ · 1.00 = 0.50
    //   (the over-represented gaps 0.20 + 0.20 + 0.10 and the under-represented ones 0.25 + 0.25 each add up to D)
    private static readonly Dictionary<string, double> Shares = new() { ["kommun"] = 0.50, ["stat"] = 0.30, ["akademi"] = 0.20 };

    private static readonly Dictionary<string, double> Targets = new()
    {
        ["kommun"] = 0.30, ["stat"] = 0.20, ["civilsamhalle"] = 0.25, ["naringsliv"] = 0.25,
    };

    [Fact]
    public void The_gap_is_share_minus_target() => TargetGap.Gap(0.2, 0.35).ShouldBe(-0.15, 1e-12);

    [Fact]
    public void The_representation_ratio_is_share_over_target() =>
        TargetGap.RepresentationRatio(0.5, 0.3)!.Value.ShouldBe(1.666667, 1e-6);

    [Fact]
    public void The_representation_ratio_is_undefined_without_a_target() =>
        TargetGap.RepresentationRatio(0.2, 0).ShouldBeNull();

    [Fact]
    public void Compares_every_category_of_either_mix_worked_out_by_hand()
    {
        var gaps = TargetGap.PerCategory(Shares, Targets);

        gaps.Select(g => g.Code).ShouldBe(["akademi", "civilsamhalle", "kommun", "naringsliv", "stat"]);
        gaps.Select(g => g.Gap).ShouldBe([0.20, -0.25, 0.20, -0.25, 0.10], 1e-12);
        gaps[0].RepresentationRatio.ShouldBeNull();
        gaps.Skip(1).Select(g => g.RepresentationRatio!.Value).ShouldBe([0, 1.666667, 0, 1.5], 1e-6);
        gaps.Single(g => g.Code == "civilsamhalle").ShouldBe(new CategoryGap("civilsamhalle", 0, 0.25, -0.25, 0));
    }

    [Fact]
    public void The_dissimilarity_index_is_half_the_sum_of_absolute_gaps_worked_out_by_hand() =>
        TargetGap.Dissimilarity(Shares, Targets)!.Value.ShouldBe(0.50, 1e-12);

    [Fact]
    public void A_mix_on_target_has_no_dissimilarity() => TargetGap.Dissimilarity(Targets, Targets)!.Value.ShouldBe(0);

    [Fact]
    public void Mixes_with_no_category_in_common_are_completely_dissimilar() =>
        TargetGap.Dissimilarity(new Dictionary<string, double> { ["kommun"] = 1 }, new Dictionary<string, double> { ["stat"] = 1 })!
            .Value.ShouldBe(1);

    [Fact]
    public void Has_no_dissimilarity_without_people_or_without_targets()
    {
        TargetGap.Dissimilarity(new Dictionary<string, double>(), Targets).ShouldBeNull();
        TargetGap.Dissimilarity(Shares, new Dictionary<string, double>()).ShouldBeNull();
    }

    [Fact]
    public void The_dissimilarity_of_any_two_mixes_lies_between_zero_and_one_and_equals_the_total_shortfall()
    {
        var random = new Random(20260923);
        string[] codes = ["stat", "region", "kommun", "akademi", "civilsamhalle", "naringsliv", "medborgare"];
        for (var i = 0; i < 1000; i++)
        {
            var shares = RandomMix(random, codes);
            var targets = RandomMix(random, codes);

            var d = TargetGap.Dissimilarity(shares, targets)!.Value;
            d.ShouldBeInRange(0, 1 + 1e-12);
            d.ShouldBe(-TargetGap.PerCategory(shares, targets).Where(g => g.Gap < 0).Sum(g => g.Gap), 1e-12);
        }
    }

    private static Dictionary<string, double> RandomMix(Random random, string[] codes)
    {
        var counts = codes.Where(_ => random.Next(3) > 0).ToDictionary(c => c, _ => random.Next(1, 30));
        if (counts.Count == 0) counts[codes[0]] = 1;
        double total = counts.Values.Sum();
        return counts.ToDictionary(c => c.Key, c => c.Value / total);
    }
}
