using Analytics.Core.Events;
using Analytics.Core.Metrics;

namespace Analytics.Core.Tests.Metrics;

public class ReachTests
{
    // Organisations: 1 kommun (Göteborg 1480), 2 stat (Göteborg 1480), 3 akademi (Borås 1490), 4 region (Göteborg 1480),
    // 5 civilsamhälle (Trollhättan 1488).
    //   2026Q1  e1 15 Jan: a (org 1), b (org 2), c (org 3), one anonymous headcount row
    //   2026Q2  e2 10 Apr: a (org 1), d (org 4), e (org 2)        sectors kommun, region, stat       → 3
    //           e3 20 May: d (org 4), f (org 5)                    sectors region, civilsamhälle      → 2
    //           e4 18 Jun: planned, nobody registered yet                                             → 0
    private static readonly DateTime Jan15 = new(2026, 1, 15, 16, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Apr10 = new(2026, 4, 10, 15, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime May20 = new(2026, 5, 20, 15, 0, 0, DateTimeKind.Utc);

    private static readonly ReachRow[] Q1 =
    [
        new(1, Jan15, "a", 1, "kommun", "1480"),
        new(1, Jan15, "b", 2, "stat", "1480"),
        new(1, Jan15, "c", 3, "akademi", "1490"),
        new(1, Jan15, null, null, null, null),
    ];

    private static readonly ReachRow[] Q2 =
    [
        new(2, Apr10, "a", 1, "kommun", "1480"),
        new(2, Apr10, "d", 4, "region", "1480"),
        new(2, Apr10, "e", 2, "stat", "1480"),
        new(3, May20, "d", 4, "region", "1480"),
        new(3, May20, "f", 5, "civilsamhalle", "1488"),
    ];

    private static readonly int[] Q2Events = [2, 3, 4];

    private static ReachRow[] AllRows => [.. Q1, .. Q2];

    [Fact]
    public void Counts_distinct_organisations_sectors_municipalities_and_attendees_in_a_quarter()
    {
        // Organisations 1, 2, 4, 5; sectors kommun, region, stat, civilsamhälle; municipalities 1480, 1488; keys a, d, e, f.
        Reach.DistinctOrganisations(Q2).ShouldBe(4);
        Reach.DistinctSectors(Q2).ShouldBe(4);
        Reach.DistinctMunicipalities(Q2).ShouldBe(2);
        Reach.DistinctAttendees(Q2).ShouldBe(4);
    }

    [Fact]
    public void Rows_without_a_profile_or_key_add_nothing_to_distinct_counts()
    {
        // Q1 has four rows but the anonymous one names no organisation, sector, municipality or key.
        Reach.DistinctOrganisations(Q1).ShouldBe(3);
        Reach.DistinctSectors(Q1).ShouldBe(3);
        Reach.DistinctMunicipalities(Q1).ShouldBe(2);
        Reach.DistinctAttendees(Q1).ShouldBe(3);
    }

    [Fact]
    public void New_organisations_of_a_quarter_are_those_never_seen_in_an_earlier_quarter()
    {
        // Organisations 1 and 2 came in Q1 already; 4 (first at e2) and 5 (first at e3) are new in Q2, even though 4 came twice.
        var quarter = new Quarter(2026, 2);
        var scope = AllRows.Where(r => r.StartsAtUtc >= quarter.StartUtc && r.StartsAtUtc < quarter.EndUtc);
        Reach.NewOrganisations(scope, AllRows).ShouldBe(2);
    }

    [Fact]
    public void An_organisation_is_new_at_an_event_only_the_first_time()
    {
        // Organisation 4 came to e2 before e3; only organisation 5 is new at e3.
        Reach.NewOrganisations(Q2.Where(r => r.EventId == 3), AllRows).ShouldBe(1);
        Reach.NewOrganisations(Q2.Where(r => r.EventId == 2), AllRows).ShouldBe(1);
    }

    [Fact]
    public void Every_organisation_is_new_when_there_is_no_earlier_history() =>
        Reach.NewOrganisations(Q1, Q1).ShouldBe(3);

    [Fact]
    public void Returning_attendees_of_a_quarter_have_been_to_an_earlier_event_in_it_or_before_it()
    {
        // a was at e1 (Q1) and came back to e2; d came to e2 and returned to e3; e and f came once.
        Reach.ReturningAttendees(Q2, AllRows).ShouldBe(2);
    }

    [Fact]
    public void An_attendee_returns_to_an_event_only_after_an_earlier_one()
    {
        // At e2 only a had been before (at e1); d's visit to e3 lies after e2 and does not make d a returning attendee there.
        Reach.ReturningAttendees(Q2.Where(r => r.EventId == 2), AllRows).ShouldBe(1);
        Reach.ReturningAttendees(Q1, AllRows).ShouldBe(0);
    }

    [Fact]
    public void Share_of_cross_sector_events_counts_events_with_three_sectors_or_more_over_all_events_in_scope()
    {
        // e2 has three sectors, e3 two, e4 none yet: 1 / 3.
        Reach.ShareOfCrossSectorEvents(Q2, Q2Events)!.Value.ShouldBe(1.0 / 3, 1e-12);
    }

    [Fact]
    public void Rows_of_events_outside_the_scope_do_not_count_towards_cross_sector_events() =>
        // e1 has three sectors but is not among the events asked about: e2 of {e2, e3} gives 1 / 2.
        Reach.ShareOfCrossSectorEvents(AllRows, [2, 3])!.Value.ShouldBe(0.5);

    [Fact]
    public void Share_of_co_hosted_events_counts_events_with_two_hosts_or_more()
    {
        // e1 by one host, e2 by two, e3 by three, e4 by one: 2 / 4.
        EventHosts[] events = [new(1, 1), new(2, 2), new(3, 3), new(4, 1)];
        Reach.ShareOfCoHostedEvents(events)!.Value.ShouldBe(0.5);
    }

    [Fact]
    public void Reach_of_nothing_is_zero_counts_and_undefined_shares()
    {
        Reach.DistinctOrganisations([]).ShouldBe(0);
        Reach.NewOrganisations([], AllRows).ShouldBe(0);
        Reach.ReturningAttendees([], AllRows).ShouldBe(0);
        Reach.ShareOfCrossSectorEvents(AllRows, []).ShouldBeNull();
        Reach.ShareOfCoHostedEvents([]).ShouldBeNull();
    }
}
