using Analytics.Core.Metrics;

namespace Analytics.Core.Tests.Metrics;

public class EiIndexTests
{
    // The ties of the worked example in CollaborationNetworkTests, with organisations 1 and 2 in kommun, 3 in stat, and
    // 4 and 5 in akademi:
    //   internal  (1,2) kommun 3/2,  (4,5) akademi 1/3                                   I = 11/6,  2 ties
    //   external  (1,3) 1/2,  (2,3) 5/6,  (2,4) (2,5) (3,4) (3,5) 1/3 each               E = 16/6,  6 ties
    //   weighted   (E − I) / (E + I) = (16/6 − 11/6) / (27/6) = 5/27 = 0.185185
    //   unweighted (6 − 2) / (6 + 2) = 0.5
    private static readonly Tie[] Ties =
    [
        new(1, 2, 1.5), new(1, 3, 0.5), new(2, 3, 5.0 / 6), new(2, 4, 1.0 / 3),
        new(2, 5, 1.0 / 3), new(3, 4, 1.0 / 3), new(3, 5, 1.0 / 3), new(4, 5, 1.0 / 3),
    ];

    private static readonly Dictionary<int, string> Sectors = new()
    {
        [1] = "kommun", [2] = "kommun", [3] = "stat", [4] = "akademi", [5] = "akademi",
    };

    [Fact]
    public void Weighs_external_against_internal_ties_worked_out_by_hand() =>
        EiIndex.Weighted(Ties, Sectors)!.Value.ShouldBe(5.0 / 27, 1e-12);

    [Fact]
    public void Unweighted_counts_each_tie_once_worked_out_by_hand() =>
        EiIndex.Unweighted(Ties, Sectors)!.Value.ShouldBe(0.5, 1e-12);

    [Fact]
    public void Is_external_minus_internal_over_their_sum() => EiIndex.Of(3, 1)!.Value.ShouldBe(0.5);

    [Fact]
    public void Is_plus_one_when_every_tie_crosses_a_sector_boundary() =>
        EiIndex.Weighted([new Tie(1, 3, 0.5), new Tie(3, 4, 2)], Sectors)!.Value.ShouldBe(1);

    [Fact]
    public void Is_minus_one_when_no_tie_crosses_a_sector_boundary() =>
        EiIndex.Weighted([new Tie(1, 2, 1.5), new Tie(4, 5, 0.25)], Sectors)!.Value.ShouldBe(-1);

    [Fact]
    public void Is_undefined_without_ties()
    {
        EiIndex.Weighted([], Sectors).ShouldBeNull();
        EiIndex.Unweighted([], Sectors).ShouldBeNull();
        EiIndex.Of(0, 0).ShouldBeNull();
    }

    [Fact]
    public void Leaves_out_ties_to_organisations_without_a_known_sector()
    {
        // Organisation 9 has no sector: of the remaining ties, (1,2) is internal and (1,3) external: (1 − 1) / 2 = 0.
        EiIndex.Unweighted([new Tie(1, 2, 1), new Tie(1, 3, 1), new Tie(1, 9, 1), new Tie(3, 9, 1)], Sectors)!.Value.ShouldBe(0);
        EiIndex.Weighted([new Tie(1, 9, 1)], Sectors).ShouldBeNull();
    }

    [Fact]
    public void Stays_between_minus_one_and_one_for_any_network()
    {
        var random = new Random(20260923);
        string[] sectors = ["stat", "region", "kommun", "akademi", "civilsamhalle"];
        for (var i = 0; i < 500; i++)
        {
            var sectorOf = Enumerable.Range(1, 12).ToDictionary(o => o, _ => sectors[random.Next(sectors.Length)]);
            var events = Enumerable.Range(0, random.Next(1, 10))
                .Select(_ => Enumerable.Range(0, random.Next(2, 7)).Select(_ => random.Next(1, 13)).ToArray());
            var ties = CollaborationNetwork.Ties(events);
            if (ties.Count == 0) continue;

            EiIndex.Weighted(ties, sectorOf)!.Value.ShouldBeInRange(-1, 1);
            EiIndex.Unweighted(ties, sectorOf)!.Value.ShouldBeInRange(-1, 1);
        }
    }
}
