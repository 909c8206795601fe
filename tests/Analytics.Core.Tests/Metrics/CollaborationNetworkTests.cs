using Analytics.Core.Metrics;

namespace Analytics.Core.Tests.Metrics;

public class CollaborationNetworkTests
{
    // Newman (2001), "Scientific collaboration networks. II", eq. 2: w_ij = Σ_k δ_i^k δ_j^k / (n_k − 1), with events as
    // the papers and organisations as the authors. By hand, for four events:
    //   E1 {1, 2, 3}     n = 3 → 1/2 to (1,2) (1,3) (2,3)
    //   E2 {1, 2}        n = 2 → 1   to (1,2)
    //   E3 {4}           n = 1 → nothing
    //   E4 {2, 3, 4, 5}  n = 4 → 1/3 to (2,3) (2,4) (2,5) (3,4) (3,5) (4,5)
    //   (1,2) = 1/2 + 1 = 3/2;  (1,3) = 1/2;  (2,3) = 1/2 + 1/3 = 5/6;  the other four pairs 1/3 each.
    //   Organisation 2's ties sum to 3/2 + 5/6 + 1/3 + 1/3 = 3: one per event it shared with another organisation.
    private static readonly int[][] Events = [[1, 2, 3], [1, 2], [4], [2, 3, 4, 5]];

    [Fact]
    public void Weights_ties_by_one_over_the_other_organisations_at_each_event_worked_out_by_hand()
    {
        CollaborationNetwork.Ties(Events).ShouldBe(
        [
            new Tie(1, 2, 1.5), new Tie(1, 3, 0.5), new Tie(2, 3, 0.5 + 1.0 / 3), new Tie(2, 4, 1.0 / 3),
            new Tie(2, 5, 1.0 / 3), new Tie(3, 4, 1.0 / 3), new Tie(3, 5, 1.0 / 3), new Tie(4, 5, 1.0 / 3),
        ]);
    }

    [Fact]
    public void An_event_with_three_organisations_gives_each_of_its_three_pairs_one_half() =>
        CollaborationNetwork.Ties([[7, 3, 5]]).ShouldBe([new Tie(3, 5, 0.5), new Tie(3, 7, 0.5), new Tie(5, 7, 0.5)]);

    [Fact]
    public void Two_events_shared_by_the_same_pair_add_up() =>
        CollaborationNetwork.Ties([[1, 2], [2, 1]]).ShouldBe([new Tie(1, 2, 2)]);

    [Fact]
    public void Many_people_from_one_organisation_count_as_that_organisation_once() =>
        CollaborationNetwork.Ties([[1, 1, 1, 2]]).ShouldBe([new Tie(1, 2, 1)]);

    [Fact]
    public void Events_with_a_single_organisation_or_none_make_no_ties() =>
        CollaborationNetwork.Ties([[4], [], [4, 4]]).ShouldBeEmpty();

    [Fact]
    public void The_ties_of_one_event_sum_to_half_its_organisations_and_each_organisation_gets_one_per_shared_event()
    {
        var random = new Random(20260923);
        for (var i = 0; i < 200; i++)
        {
            var events = Enumerable.Range(0, random.Next(1, 8))
                .Select(_ => Enumerable.Range(0, random.Next(0, 9)).Select(_ => random.Next(1, 15)).ToArray())
                .ToArray();

            foreach (var organisations in events)
            {
                var n = organisations.Distinct().Count();
                var sum = CollaborationNetwork.Ties([organisations]).Sum(t => t.Weight);
                sum.ShouldBe(n < 2 ? 0 : n / 2.0, 1e-9);
            }

            var ties = CollaborationNetwork.Ties(events);
            foreach (var organisation in events.SelectMany(e => e).Distinct())
            {
                var strength = ties.Where(t => t.First == organisation || t.Second == organisation).Sum(t => t.Weight);
                var sharedEvents = events.Count(e => e.Contains(organisation) && e.Distinct().Count() >= 2);
                strength.ShouldBe(sharedEvents, 1e-9);
            }
        }
    }

    [Fact]
    public void Orders_the_ties_by_first_then_second_id_across_the_whole_range_of_ids() =>
        CollaborationNetwork.Ties([[5, -3, int.MaxValue, 0], [int.MinValue, 5], [-1, 1]]).Select(t => (t.First, t.Second)).ShouldBe(
        [
            (int.MinValue, 5), (-3, 0), (-3, 5), (-3, int.MaxValue), (-1, 1), (0, 5), (0, int.MaxValue), (5, int.MaxValue),
        ]);
}
