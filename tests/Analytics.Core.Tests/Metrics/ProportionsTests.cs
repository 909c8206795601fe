using Analytics.Core.Metrics;
using Analytics.Core.Participations;

namespace Analytics.Core.Tests.Metrics;

public class ProportionsTests
{
    [Fact]
    public void A_share_is_the_count_over_the_total() =>
        // 17 of the 41 people with a profile came from a kommun: 17 / 41 = 0.414634146.
        Proportions.Share(17, 41)!.Value.ShouldBe(0.414634146, 1e-9);

    [Fact]
    public void A_share_of_nothing_is_undefined_rather_than_NaN() => Proportions.Share(0, 0).ShouldBeNull();

    [Fact]
    public void A_count_larger_than_its_total_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Proportions.Share(5, 4));

    [Fact]
    public void No_show_rate_counts_yes_registrations_that_did_not_attend_where_attendance_is_known()
    {
        // Event 1 has an attendance list: of its 10 yes registrations, 7 attended and 3 did not, so 3 / 10 = 0.3.
        // A walk-in without a yes and an absent wait-listed person are not registrations. Event 2 has no list: its 5 yes
        // registrations say nothing about no-shows and are left out.
        var rows = Enumerable.Repeat((1, Rsvp.Yes, Attendance.Attended), 7)
            .Concat(Enumerable.Repeat((1, Rsvp.Yes, Attendance.NoShow), 3))
            .Append((1, Rsvp.No, Attendance.Attended))
            .Append((1, Rsvp.Waitlist, Attendance.NoShow))
            .Concat(Enumerable.Repeat((2, Rsvp.Yes, Attendance.Unknown), 5));

        Proportions.NoShowRate(rows)!.Value.ShouldBe(0.3, 1e-12);
    }

    [Fact]
    public void A_yes_registration_left_unmarked_on_a_known_list_counts_as_a_no_show()
    {
        (int, Rsvp, Attendance)[] rows = [(1, Rsvp.Yes, Attendance.Attended), (1, Rsvp.Yes, Attendance.Unknown)];
        Proportions.NoShowRate(rows)!.Value.ShouldBe(0.5);
    }

    [Fact]
    public void No_show_rate_is_undefined_without_any_attendance_list()
    {
        Proportions.NoShowRate([]).ShouldBeNull();
        Proportions.NoShowRate([(1, Rsvp.Yes, Attendance.Unknown), (2, Rsvp.Yes, Attendance.Unknown)]).ShouldBeNull();
    }
}
