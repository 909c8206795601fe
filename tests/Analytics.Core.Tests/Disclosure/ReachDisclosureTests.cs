using Analytics.Core.Disclosure;
using Analytics.Core.Reports;

namespace Analytics.Core.Tests.Disclosure;

public class ReachDisclosureTests
{
    private static readonly DisclosureControl Control = new(new DisclosureOptions { K = 5 });

    private static readonly ReachFigures Small = new(Organisations: 2, Sectors: 2, Municipalities: 1, NewOrganisations: 1,
        ReturningAttendees: 3, ShareOfCrossSectorEvents: 1.0 / 3, ShareOfCoHostedEvents: 0.5, new TieNetworkFigures(1, 1.0, 1.0));

    [Fact]
    public void Shows_counts_of_organisations_sectors_and_municipalities_as_they_are_however_small()
    {
        var reach = Control.Protect(Small, withProfile: 40);

        (reach.Organisations, reach.Sectors, reach.Municipalities, reach.NewOrganisations).ShouldBe((2, 2, 1, 1));
        (reach.ShareOfCrossSectorEvents, reach.ShareOfCoHostedEvents).ShouldBe((0.333, 0.5));
    }

    [Fact]
    public void Shows_returning_attendees_only_from_k_since_they_are_people()
    {
        Control.Protect(Small, withProfile: 40).ReturningAttendees.ShouldBeNull();
        Control.Protect(Small with { ReturningAttendees = 0 }, withProfile: 40).ReturningAttendees.ShouldBe(0);
        Control.Protect(Small with { ReturningAttendees = 5 }, withProfile: 40).ReturningAttendees.ShouldBe(5);
        Control.Protect(Small, withProfile: 40).Note.ShouldContain("<5");
    }

    [Fact]
    public void Withholds_the_e_i_index_below_ten_persons_with_a_profile_but_keeps_the_size_of_the_network()
    {
        var reach = Control.Protect(Small, withProfile: 9);

        (reach.Ties.Count, reach.Ties.TotalWeight, reach.Ties.EiIndex).ShouldBe((1, 1.0, null));
        Control.Protect(Small, withProfile: 10).Ties.EiIndex.ShouldBe(1.0);
    }

    [Fact]
    public void Carries_reach_into_the_protected_report_and_none_from_an_old_snapshot_without_it()
    {
        var figures = Breakdowns.Event("mote", registered: 20, attended: 12, withProfile: 12, Breakdowns.Sector(12));

        Control.Protect(figures).Reach.ShouldBeNull();
        Control.Protect(figures with { Reach = Small }).Reach.ShouldNotBeNull().Organisations.ShouldBe(2);
    }
}
