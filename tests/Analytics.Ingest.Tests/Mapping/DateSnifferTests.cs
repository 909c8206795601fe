using Analytics.Ingest.Mapping;

namespace Analytics.Ingest.Tests.Mapping;

public class DateSnifferTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Reads_meetups_us_dates_month_first_and_converts_winter_time_to_utc()
    {
        var dates = DateSniffer.From(["3/23/2026 17:30", "3/2/2026 9:05"]);

        dates.ParseStockholm("3/23/2026 17:30").ShouldBe(Utc(2026, 3, 23, 16, 30));
        dates.ParseStockholm("3/2/2026 9:05").ShouldBe(Utc(2026, 3, 2, 8, 5));
        dates.ParseStockholm("3/2/2026").ShouldBe(Utc(2026, 3, 1, 23));
    }

    [Fact]
    public void Reads_iso_dates_and_converts_summer_time_to_utc()
    {
        var dates = DateSniffer.From(["2026-09-17 12:04"]);

        dates.ParseStockholm("2026-09-17 12:04").ShouldBe(Utc(2026, 9, 17, 10, 4));
        dates.ParseStockholm("2026-08-30").ShouldBe(Utc(2026, 8, 29, 22));
    }

    [Fact]
    public void Converts_with_the_offset_of_the_day_across_the_change_to_summer_time()
    {
        var dates = DateSniffer.From(["2026-03-29 01:30"]);

        dates.ParseStockholm("2026-03-29 01:30").ShouldBe(Utc(2026, 3, 29, 0, 30));
        dates.ParseStockholm("2026-03-29 03:30").ShouldBe(Utc(2026, 3, 29, 1, 30));
    }

    [Fact]
    public void Reads_the_whole_file_day_first_when_some_first_part_is_greater_than_12()
    {
        var dates = DateSniffer.From(["5/3/2026 10:00", "23/3/2026 17:30"]);

        dates.ParseStockholm("5/3/2026 10:00").ShouldBe(Utc(2026, 3, 5, 9));
        dates.ParseStockholm("23/3/2026 17:30").ShouldBe(Utc(2026, 3, 23, 16, 30));
    }

    [Fact]
    public void Reads_an_ambiguous_date_month_first_when_nothing_in_the_file_says_otherwise()
    {
        var dates = DateSniffer.From(["5/3/2026 10:00", "4/1/2026 08:00"]);

        dates.ParseStockholm("5/3/2026 10:00").ShouldBe(Utc(2026, 5, 3, 8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("igår")]
    [InlineData("13/45/2026")]
    public void Gives_no_time_for_an_empty_or_unreadable_date(string text) =>
        DateSniffer.From(["3/23/2026 17:30"]).ParseStockholm(text).ShouldBeNull();

    [Fact]
    public void Reads_a_wall_clock_time_the_clocks_skipped_as_the_clocks_would_show_it()
    {
        var dates = DateSniffer.From(["3/29/2026 2:30"]);

        dates.ParseStockholm("3/29/2026 2:30").ShouldBe(Utc(2026, 3, 29, 1, 30));
        dates.ParseStockholm("3/29/2026 3:30").ShouldBe(Utc(2026, 3, 29, 1, 30));
    }

    [Fact]
    public void Returns_times_marked_as_utc() =>
        DateSniffer.From([]).ParseStockholm("2026-03-23 17:30").ShouldNotBeNull().Kind.ShouldBe(DateTimeKind.Utc);
}
