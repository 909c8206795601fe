using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;

namespace Analytics.Core.Tests.Disclosure;

public class CellKeyTests
{
    private static readonly DisclosureControl Control = new(new DisclosureOptions { K = 5 });

    [Fact]
    public void Gives_the_same_cell_the_same_value_every_time()
    {
        var keys = new[] { 0.31, 0.77, 0.12, 0.58 };

        CellKey.KeySum(keys).ShouldBe(CellKey.KeySum(keys.Reverse()));
        CellKey.Perturb(7, CellKey.KeySum(keys)).ShouldBe(CellKey.Perturb(7, CellKey.KeySum(keys.Reverse())));
        Enumerable.Range(0, 10).Select(_ => CellKey.Perturb(12, 0.37)).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public void Sums_many_keys_mod_1_to_the_same_bits_in_any_order()
    {
        var random = new Random(7);
        var keys = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()).ToArray();
        var shuffled = keys.OrderBy(_ => random.Next()).ToArray();

        var sum = CellKey.KeySum(keys);

        sum.ShouldBe(CellKey.KeySum(shuffled));
        sum.ShouldBe(keys.Select(k => (decimal)k).Sum() % 1 is var exact ? (double)exact : 0, 1e-12);
        sum.ShouldBeInRange(0, 1 - double.Epsilon);
        CellKey.KeySum([0.4, 0.7, 0.2]).ShouldBe(0.3, 1e-15);
        CellKey.KeySum([]).ShouldBe(0);
    }

    [Fact]
    public void Never_turns_a_non_zero_count_into_zero_and_never_moves_a_count_by_more_than_2()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 100_000; i++)
        {
            var count = random.Next(1, 60);
            var published = CellKey.Perturb(count, random.NextDouble());

            published.ShouldBeGreaterThanOrEqualTo(1);
            Math.Abs(published - count).ShouldBeLessThanOrEqualTo(CellKey.MaximumNoise);
        }
        CellKey.Perturb(0, 0.99).ShouldBe(0);
    }

    [Fact]
    public void Has_a_table_of_32_bands_with_noise_from_minus_2_to_2_and_mean_0()
    {
        CellKey.Table.Count.ShouldBe(32);
        CellKey.Table.ShouldAllBe(noise => noise >= -2 && noise <= 2);
        CellKey.Table.Average().ShouldBe(0);
        CellKey.Table.Count(n => n == 0).ShouldBe(16);

        var random = new Random(7);
        Enumerable.Range(0, 100_000).Average(_ => CellKey.Noise(random.NextDouble())).ShouldBe(0, 0.02);
    }

    [Fact]
    public void Keeps_an_event_from_being_differenced_out_of_its_quarter()
    {
        // Q1 has two events. Event A has 3 people from a kommun, with record keys 0.1, 0.2, 0.2: key 0.5, band 16, noise 0.
        // Event B has 6, with keys 0.9, 0.8, 0.7, 0.6, 0.5, 0.55: sum 4.05, key 0.05, band 1, noise +1.
        // The quarter's cell holds all 9 rows: sum 4.55, key 0.55, band 17, noise +2.
        double[] a = [0.1, 0.2, 0.2];
        double[] b = [0.9, 0.8, 0.7, 0.6, 0.5, 0.55];

        var eventA = CellKey.Perturb(3, CellKey.KeySum(a));
        var eventB = CellKey.Perturb(6, CellKey.KeySum(b));
        var quarter = CellKey.Perturb(9, CellKey.KeySum([.. a, .. b]));

        Control.Count(eventA).ShouldBeNull();
        (eventB, quarter).ShouldBe((7, 11));
        // Without the noise, 9 − 6 would give back the suppressed 3.
        (quarter - eventB).ShouldBe(4);
    }

    [Fact]
    public void Publishes_perturbed_counts_with_shares_and_totals_computed_from_them()
    {
        // stat 17 with key 0.05 (band 1, +1), region 12 with key 0.0 (band 0, 0), kommun 8 with key 0.16 (band 5, +2).
        var sectors = new Breakdown(Dimension.Sector.Code(),
        [
            new Tally("stat", "Statlig myndighet", 17, 17, KeySum: 0.05),
            new Tally("region", "Region", 12, 12, KeySum: 0.0),
            new Tally("kommun", "Kommun", 8, 8, KeySum: 0.16),
        ]);
        var figures = new ReportFigures(ReportScope.ForEvent("traff"), 1, 0, 40, null, 37, 37, 0, [sectors]);

        var published = Control.ProtectPublic(figures).Dimension(Dimension.Sector.Code()).ShouldNotBeNull();

        published.Total.ShouldBe(40);
        published.Cells.Select(c => (c.Code, c.Count, c.Share)).ShouldBe([("stat", 18, 0.45), ("region", 12, 0.3), ("kommun", 10, 0.25)]);
        Control.Protect(figures).Dimension(Dimension.Sector.Code())!.Total.ShouldBe(37);
    }

    [Fact]
    public void Suppresses_a_cell_whose_perturbed_persons_fall_below_k()
    {
        // kommun has 6 persons, but its key 0.6 lies in band 19, noise −2: published as 4, below k = 5.
        var sectors = new Breakdown(Dimension.Sector.Code(),
        [
            new Tally("stat", "Statlig myndighet", 20, 20, KeySum: 0.0),
            new Tally("region", "Region", 9, 9, KeySum: 0.0),
            new Tally("kommun", "Kommun", 6, 6, KeySum: 0.6),
        ]);
        var figures = new ReportFigures(ReportScope.ForEvent("traff"), 1, 0, 35, null, 35, 35, 0, [sectors]);

        var published = Control.ProtectPublic(figures).Dimension(Dimension.Sector.Code()).ShouldNotBeNull();

        published.Cells.Single(c => c.Code == "kommun").Suppressed.ShouldBeTrue();
        published.Cells.Single(c => c.Code == "region").Suppressed.ShouldBeTrue();
        published.Cells.Single(c => c.Code == "stat").Count.ShouldBe(20);
    }

    [Fact]
    public void Perturbs_the_headcounts_by_their_own_keys()
    {
        // Registered 40 with key 0.05 (band 1, +1), attended 30 with key 0.16 (band 5, +2), profile 25 with key 0.22 (band 7, −2).
        var figures = new ReportFigures(ReportScope.ForQuarter(new Analytics.Core.Events.Quarter(2026, 1)), 3, 3, 40, 30, 30, 25, 0, [])
        {
            HeadcountKeys = new HeadcountKeys(Registered: 0.05, Attended: 0.16, WithProfile: 0.22),
        };

        var published = Control.ProtectPublic(figures).Participants;

        (published.Registered, published.Attended, published.WithProfile).ShouldBe((41, 32, 23));
        Control.ProtectPublic(figures).Participants.ShouldBe(published);
        Control.Protect(figures).Participants.Registered.ShouldBe(40);
    }

    [Fact]
    public void Leaves_out_the_splits_whose_headcounts_have_no_cell_key()
    {
        var sectors = new Breakdown(Dimension.Sector.Code(), [new Tally("kommun", "Kommun", 12, 12, KeySum: 0.3)]);
        var figures = new ReportFigures(ReportScope.ForEvent("traff"), 1, 1, 20, 12, 12, 12, 0, [sectors])
        {
            Subsets = [new Subset(Subset.Speakers, 6, 6, [sectors with { Tallies = [new Tally("kommun", "Kommun", 6, 6, KeySum: 0.1)] }])],
        };

        Control.Protect(figures).Subsets.Keys.ShouldBe([Subset.Speakers]);
        Control.ProtectPublic(figures).Subsets.ShouldBeEmpty();
    }
}
