using Analytics.Core.Events;

namespace Analytics.Core.Tests.Events;

public class QuarterTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    // Summer time began on 29 March 2026 at 01:00 UTC, so Stockholm is UTC+2 at the end of March.
    [Fact]
    public void The_last_second_of_March_in_Stockholm_is_still_the_first_quarter() =>
        Quarter.Containing(Utc(2026, 3, 31, 21, 59, 59)).ShouldBe(new Quarter(2026, 1));

    [Fact]
    public void Midnight_on_the_first_of_April_in_Stockholm_is_the_second_quarter_while_it_is_still_March_in_UTC() =>
        Quarter.Containing(Utc(2026, 3, 31, 22, 0, 0)).ShouldBe(new Quarter(2026, 2));

    // In winter Stockholm is UTC+1, so 23:00 UTC on New Year's Eve is already the new year.
    [Fact]
    public void New_Years_Eve_at_23_UTC_is_the_first_quarter_of_the_next_year() =>
        Quarter.Containing(Utc(2025, 12, 31, 23, 0, 0)).ShouldBe(new Quarter(2026, 1));

    [Fact]
    public void New_Years_Eve_at_22_59_UTC_is_still_the_fourth_quarter() =>
        Quarter.Containing(Utc(2025, 12, 31, 22, 59, 59)).ShouldBe(new Quarter(2025, 4));

    [Fact]
    public void A_time_of_unspecified_kind_is_taken_as_UTC() =>
        Quarter.Containing(new DateTime(2026, 3, 31, 22, 0, 0, DateTimeKind.Unspecified)).ShouldBe(new Quarter(2026, 2));

    [Theory]
    [InlineData(2026, 1, "2025-12-31T23:00:00Z")]
    [InlineData(2026, 2, "2026-03-31T22:00:00Z")]
    [InlineData(2026, 3, "2026-06-30T22:00:00Z")]
    [InlineData(2026, 4, "2026-09-30T22:00:00Z")]
    [InlineData(2027, 1, "2026-12-31T23:00:00Z")]
    public void Starts_at_local_midnight_of_its_first_day(int year, int number, string startUtc)
    {
        var start = new Quarter(year, number).StartUtc;
        start.ShouldBe(DateTime.Parse(startUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        start.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Ends_where_the_next_quarter_starts() =>
        new Quarter(2026, 4).EndUtc.ShouldBe(new Quarter(2027, 1).StartUtc);

    // Q1 2026 loses the hour that summer time skips (90 days − 1 h); Q4 gains the hour it gives back (92 days + 1 h).
    [Theory]
    [InlineData(1, 90 * 24 - 1)]
    [InlineData(2, 91 * 24)]
    [InlineData(3, 92 * 24)]
    [InlineData(4, 92 * 24 + 1)]
    public void Lasts_the_hours_that_summer_time_gives_or_takes(int number, int hours)
    {
        var quarter = new Quarter(2026, number);
        (quarter.EndUtc - quarter.StartUtc).ShouldBe(TimeSpan.FromHours(hours));
    }

    [Fact]
    public void Contains_its_own_start_but_not_its_end()
    {
        var quarter = new Quarter(2026, 2);
        Quarter.Containing(quarter.StartUtc).ShouldBe(quarter);
        Quarter.Containing(quarter.EndUtc.AddTicks(-1)).ShouldBe(quarter);
        Quarter.Containing(quarter.EndUtc).ShouldBe(quarter.Next);
    }

    [Fact]
    public void Is_written_as_year_Q_number() => new Quarter(2026, 1).ToString().ShouldBe("2026Q1");

    [Fact]
    public void Has_a_Swedish_and_an_English_label()
    {
        new Quarter(2026, 3).Label().ShouldBe("Kvartal 3 2026");
        new Quarter(2026, 3).Label(english: true).ShouldBe("Q3 2026");
    }

    [Theory]
    [InlineData("2026Q1", 2026, 1)]
    [InlineData("2025Q4", 2025, 4)]
    [InlineData("2026q3", 2026, 3)]
    public void Parses_what_it_writes(string text, int year, int number)
    {
        Quarter.TryParse(text, out var quarter).ShouldBeTrue();
        quarter.ShouldBe(new Quarter(year, number));
    }

    [Fact]
    public void Round_trips_through_its_text()
    {
        var quarter = new Quarter(2031, 2);
        Quarter.TryParse(quarter.ToString(), out var parsed).ShouldBeTrue();
        parsed.ShouldBe(quarter);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026Q0")]
    [InlineData("2026Q5")]
    [InlineData("2026-Q1")]
    [InlineData("26Q1")]
    [InlineData("2026K1")]
    [InlineData("+026Q1")]
    [InlineData("2026 Q1")]
    public void Refuses_text_that_is_not_a_quarter(string? text)
    {
        Quarter.TryParse(text, out var quarter).ShouldBeFalse();
        quarter.ShouldBe(default);
    }

    [Fact]
    public void The_quarter_after_the_fourth_is_the_first_of_the_next_year() =>
        new Quarter(2026, 4).Next.ShouldBe(new Quarter(2027, 1));

    [Fact]
    public void The_quarter_before_the_first_is_the_fourth_of_the_previous_year() =>
        new Quarter(2026, 1).Previous.ShouldBe(new Quarter(2025, 4));

    [Fact]
    public void Next_and_previous_step_within_a_year()
    {
        new Quarter(2026, 2).Next.ShouldBe(new Quarter(2026, 3));
        new Quarter(2026, 2).Previous.ShouldBe(new Quarter(2026, 1));
        new Quarter(2026, 2).Next.Previous.ShouldBe(new Quarter(2026, 2));
    }

    [Fact]
    public void Orders_by_year_then_number()
    {
        new Quarter(2025, 4).CompareTo(new Quarter(2026, 1)).ShouldBeLessThan(0);
        new Quarter(2026, 3).CompareTo(new Quarter(2026, 2)).ShouldBeGreaterThan(0);
        new Quarter(2026, 2).CompareTo(new Quarter(2026, 2)).ShouldBe(0);

        Quarter[] shuffled = [new(2026, 2), new(2025, 4), new(2027, 1), new(2026, 1)];
        shuffled.Order().ShouldBe([new(2025, 4), new(2026, 1), new(2026, 2), new(2027, 1)]);
    }

    [Fact]
    public void Converts_Stockholm_wall_clock_time_to_UTC_and_back()
    {
        var local = new DateTime(2026, 9, 17, 17, 0, 0);
        var utc = Quarter.ToUtc(local);
        utc.ShouldBe(Utc(2026, 9, 17, 15, 0, 0));
        Quarter.ToStockholm(utc).ShouldBe(local);
    }

    [Fact]
    public void Reads_a_time_in_the_skipped_spring_hour_as_the_hour_after_instead_of_failing() =>
        Quarter.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0)).ShouldBe(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc));
}
