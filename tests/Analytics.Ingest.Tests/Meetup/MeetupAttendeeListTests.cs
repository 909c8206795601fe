using System.Collections;
using System.Text;
using Analytics.Core.Participations;
using Analytics.Ingest.Meetup;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.Tests.Meetup;

public class MeetupAttendeeListTests
{
    private const string ClassicSample = "2025-10-09-forstudie-ett-team-i-vast.tsv";

    private static List<SourceRow> Read(string path)
    {
        using var table = new DelimitedTable(File.OpenRead(path));
        return [.. new MeetupAttendeeList().Read(table)];
    }

    private static List<SourceRow> Read(MeetupListFile file)
    {
        using var table = file.Table();
        return [.. new MeetupAttendeeList().Read(table)];
    }

    /// <summary>Every string a row holds, in any property or answer.</summary>
    private static IEnumerable<string> Strings(SourceRow row)
    {
        foreach (var value in typeof(SourceRow).GetProperties().Select(p => p.GetValue(row)))
            switch (value)
            {
                case string text:
                    yield return text;
                    break;
                case IEnumerable items:
                    foreach (var item in items)
                        if (item is KeyValuePair<Question, string> answer) yield return answer.Value;
                    break;
            }
    }

    [Fact]
    public void Reads_the_classic_layout_tab_separated_with_us_dates_and_no_attendance()
    {
        var expected = SampleCsv.Read(SampleData.File("meetup", ClassicSample));

        var rows = Read(SampleData.File("meetup", ClassicSample));

        rows.Count.ShouldBe(expected.Rows.Count);
        rows.ShouldAllBe(r => r.Problem == null && r.Attendance == Attendance.Unknown && r.MeetupMemberId != null);
        rows.Count(r => r.Rsvp == Rsvp.Yes).ShouldBe(expected.Values("RSVP").Count(v => v == "Yes"));
        rows.Sum(r => r.Guests).ShouldBe(expected.Values("Guests").Sum(int.Parse));
        rows[0].RsvpAtUtc.ShouldBe(new DateTime(2025, 9, 16, 7, 7, 0, DateTimeKind.Utc), "9/16/2025 9:07 in Stockholm summer time");
    }

    [Fact]
    public void Reads_the_newer_layout_comma_separated_with_attendance_and_iso_dates()
    {
        var expected = SampleCsv.Read(SampleData.FirstMeetingFile);

        var rows = Read(SampleData.FirstMeetingFile);

        rows.Count.ShouldBe(expected.Rows.Count);
        rows.ShouldAllBe(r => r.Problem == null);
        rows.Count(r => r.Attendance == Attendance.Attended).ShouldBe(expected.Values("Attendance").Count(v => v == "Y"));
        rows.Where(r => r.Attendance != Attendance.Attended).ShouldAllBe(r => r.Attendance == Attendance.Unknown);
        rows[0].RsvpAtUtc.ShouldBe(new DateTime(2026, 2, 20, 8, 3, 0, DateTimeKind.Utc), "2026-02-20 09:03 in Stockholm winter time");
        rows[0].IsEventHost.ShouldBeTrue();
    }

    [Fact]
    public void Takes_the_member_id_from_the_user_id()
    {
        MeetupAttendeeList.MemberId("user 12345", "").ShouldBe("12345");
        MeetupAttendeeList.MemberId("user 12345", "https://www.meetup.com/members/999/").ShouldBe("12345");
    }

    [Fact]
    public void Takes_the_member_id_from_the_profile_url_when_the_user_id_is_missing()
    {
        MeetupAttendeeList.MemberId("", "https://www.meetup.com/members/12345/").ShouldBe("12345");
        MeetupAttendeeList.MemberId("", "https://www.meetup.com/members/12345").ShouldBe("12345");
        MeetupAttendeeList.MemberId("", "https://www.meetup.com/otg-vastsverige/").ShouldBeNull();
    }

    [Fact]
    public void Reads_the_member_id_from_whichever_column_the_list_has()
    {
        var rows = Read(MeetupListFile.Newer(
            new Attendee("Anna Berg") { UserId = "user 111" },
            new Attendee("Bo Ek") { ProfileUrl = "https://www.meetup.com/members/222/" },
            new Attendee("Cia Lund")));

        rows.Select(r => r.MeetupMemberId).ShouldBe(["111", "222", null]);
    }

    [Theory]
    [InlineData(ClassicSample)]
    [InlineData("2026-03-23-forsta-motet.csv")]
    public void Never_reads_a_name_title_or_note_into_a_row(string file)
    {
        var list = SampleCsv.Read(SampleData.File("meetup", file));
        string[] personal =
        [
            .. list.Values("Name"), .. list.Values("Title").Where(t => t.Length > 0),
            .. list.Header.Contains("Notes") ? list.Values("Notes").Where(n => n.Length > 0) : [],
        ];
        personal.ShouldNotBeEmpty();

        var strings = Read(SampleData.File("meetup", file)).SelectMany(Strings).ToList();

        foreach (var value in personal)
            strings.ShouldNotContain(s => s.Contains(value, StringComparison.OrdinalIgnoreCase), value);
    }

    [Fact]
    public void Reads_the_number_of_guests()
    {
        var rows = Read(MeetupListFile.Classic(
            Attendee.Member("Anna Berg", 1) with { Guests = "2" },
            Attendee.Member("Bo Ek", 2) with { Guests = "" },
            Attendee.Member("Cia Lund", 3) with { Guests = "0" }));

        rows.Select(r => r.Guests).ShouldBe([2, 0, 0]);
    }

    [Fact]
    public void Reports_a_bad_rsvp_or_guest_count_as_a_problem_of_its_row()
    {
        var rows = Read(MeetupListFile.Newer(
            Attendee.Member("Anna Berg", 1),
            Attendee.Member("Bo Ek", 2) with { Rsvp = "Kanske" },
            Attendee.Member("Cia Lund", 3) with { Guests = "två" },
            Attendee.Member("Dan Ås", 4) with { Guests = "-1" },
            Attendee.Member("Eva Ny", 5) with { Rsvp = "Waitlist" }));

        rows.Where(r => r.Problem is not null).Select(r => (r.RowNumber, r.ProblemColumn)).ShouldBe([(3, "RSVP"), (4, "Guests"), (5, "Guests")]);
        // The reason names the column, never the cell: with shifted columns a cell could hold a name.
        rows.Single(r => r.RowNumber == 3).Problem.ShouldBe("Okänt RSVP-värde; väntade Yes, No eller Waitlist.");
        rows.Single(r => r.RowNumber == 4).Problem.ShouldBe("Antalet gäster är inget tal mellan 0 och 50.");
        rows.Single(r => r.RowNumber == 6).Rsvp.ShouldBe(Rsvp.Waitlist);
    }

    [Fact]
    public void Reads_a_list_that_swedish_excel_saved_with_semicolons_in_windows_1252()
    {
        var file = MeetupListFile.Classic(Attendee.Member("Åsa Öberg", 7) with { Sector = "Näringsliv", RsvpedOn = "3/23/2026 17:30" });
        var bytes = TextSniffer.Windows1252.GetBytes(file.Text().Replace('\t', ';'));
        using var table = new DelimitedTable(new MemoryStream(bytes));

        var row = new MeetupAttendeeList().Read(table).Single();

        row.Problem.ShouldBeNull();
        row.MeetupMemberId.ShouldBe("7");
        row.Answers[Question.Sector].ShouldBe("Näringsliv");
        row.Answers[Question.Organisation].ShouldBe("Göteborgs Stad");
        row.RsvpAtUtc.ShouldBe(new DateTime(2026, 3, 23, 16, 30, 0, DateTimeKind.Utc));
        Encoding.UTF8.GetString(bytes).ShouldNotContain("Näringsliv", customMessage: "the file really is not UTF-8");
    }
}
