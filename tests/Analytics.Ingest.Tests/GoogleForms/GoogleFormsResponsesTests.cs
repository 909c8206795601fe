using System.Globalization;
using Analytics.Core.Participations;
using Analytics.Ingest.GoogleForms;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;
using Analytics.Testing;

namespace Analytics.Ingest.Tests.GoogleForms;

public class GoogleFormsResponsesTests
{
    private static List<SourceRow> Read(IEnumerable<string> header, params string[][] rows)
    {
        using var table = new DelimitedTable(new MemoryStream(FixtureFiles.Utf8(FixtureFiles.Delimited(',', header, rows, quoteAll: true))));
        return [.. new GoogleFormsResponses().Read(table)];
    }

    private static SourceRow ReadStamp(string timestamp) => Read(["Timestamp", FixtureFiles.Sector], [timestamp, "Kommun"]).Single();

    [Theory]
    [InlineData("Timestamp")]
    [InlineData("Tidstämpel")]
    [InlineData("tidsstämpel")]
    public void Matches_a_sheet_whose_first_column_is_the_timestamp(string timestamp)
    {
        new GoogleFormsResponses().Matches([timestamp, "Email Address", FixtureFiles.Sector]).ShouldBeTrue();
    }

    [Fact]
    public void Does_not_match_a_timestamp_elsewhere_than_first_or_alone()
    {
        var format = new GoogleFormsResponses();

        format.Matches(["Namn", "Timestamp", FixtureFiles.Sector]).ShouldBeFalse();
        format.Matches(["Timestamp"]).ShouldBeFalse();
        format.Matches(["ID", "Start time", "Completion time", "Email", "Name", FixtureFiles.Sector]).ShouldBeFalse();
    }

    [Fact]
    public void Reads_a_swedish_export_as_check_ins_keyed_by_email()
    {
        var fixture = FixtureFiles.Named("google-formular-sv.csv");

        var rows = fixture.Rows();

        rows.ShouldAllBe(r => r.Problem == null && r.Attendance == Attendance.Attended && r.Rsvp == Rsvp.Yes);
        rows.Select(r => r.Email).ShouldBe(fixture.People.Select(p => p.Email));
        rows[0].RsvpAtUtc.ShouldBe(new DateTime(2026, 10, 8, 7, 14, 0, DateTimeKind.Utc), "09:14 in Stockholm summer time");
    }

    [Fact]
    public void Reads_an_english_export_without_email_as_anonymous_check_ins()
    {
        var rows = FixtureFiles.Named("google-forms-en.csv").Rows();

        rows.ShouldAllBe(r => r.Problem == null && r.Attendance == Attendance.Attended && r.Email == null && r.ResponseId == null);
        rows[0].RsvpAtUtc.ShouldBe(new DateTime(2026, 10, 8, 7, 14, 3, DateTimeKind.Utc), "9:14:03 AM at GMT+2");
    }

    [Theory]
    [InlineData("2026/10/08 9:14:03 AM GMT+2", "2026-10-08 07:14:03")]
    [InlineData("2026/10/08 9:14:03 PM GMT+2", "2026-10-08 19:14:03")]
    [InlineData("2026/01/08 12:05:00 AM GMT+1", "2026-01-07 23:05:00")]
    [InlineData("2026/10/08 9:14:03 AM GMT-4", "2026-10-08 13:14:03")]
    [InlineData("2026/10/08 9:14:03 AM GMT+05:30", "2026-10-08 03:44:03")]
    [InlineData("2026/10/08 9:14:03 AM GMT", "2026-10-08 09:14:03")]
    [InlineData("2026/10/08 9:14:03 AM", "2026-10-08 07:14:03")]
    [InlineData("2026-10-08 09:14:03", "2026-10-08 07:14:03")]
    [InlineData("2026-01-08 9:14:03", "2026-01-08 08:14:03")]
    [InlineData("10/8/2026 9:14:03", "2026-10-08 07:14:03")]
    public void Reads_timestamps_of_either_locale_into_utc(string timestamp, string utc)
    {
        var row = ReadStamp(timestamp);

        row.Problem.ShouldBeNull();
        row.RsvpAtUtc.ShouldBe(DateTime.SpecifyKind(DateTime.Parse(utc, CultureInfo.InvariantCulture), DateTimeKind.Utc));
    }

    [Fact]
    public void Reads_a_timestamp_that_a_spreadsheet_stored_as_a_serial_number_as_stockholm_time()
    {
        var serial = new DateTime(2026, 10, 8, 9, 14, 3).ToOADate().ToString(CultureInfo.InvariantCulture);

        ReadStamp(serial).RsvpAtUtc!.Value.ShouldBe(new DateTime(2026, 10, 8, 7, 14, 3, DateTimeKind.Utc), TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [InlineData("igår på morgonen")]
    [InlineData("2026/10/08 9:14:03 AM GMT+25")]
    [InlineData("2026/13/08 9:14:03 AM GMT+2")]
    [InlineData("12")]
    [InlineData("0001/01/01 12:00:00 AM GMT+14")]
    public void Reports_an_unreadable_timestamp_as_a_problem_of_its_row(string timestamp)
    {
        var row = ReadStamp(timestamp);

        (row.RowNumber, row.ProblemColumn).ShouldBe((2, "Timestamp"));
        row.Problem.ShouldNotBeNull().ShouldStartWith("Tidstämpeln går inte att läsa");
    }

    [Fact]
    public void Reads_the_email_only_as_the_identifier_and_ignores_questions_it_does_not_know()
    {
        var rows = Read(["Tidstämpel", "E-postadress", "Vad heter du?", FixtureFiles.Sector, "Övriga synpunkter"],
            ["2026-10-08 09:14:03", "asa.oberg@example.se", "Åsa Öberg", "Näringsliv", "Bra fika, ring mig på 070-123 45 67"],
            ["2026-10-08 09:15:03", "", "Märta Ängström", "Civilsamhälle", ""]);

        rows.Select(r => r.Email).ShouldBe(["asa.oberg@example.se", null]);
        rows.Select(r => r.Answers.Keys.Single()).ShouldBe([Question.Sector, Question.Sector]);
        rows.Select(r => r.Answers[Question.Sector]).ShouldBe(["Näringsliv", "Civilsamhälle"]);
        new GoogleFormsResponses().RecognisedColumns(["Tidstämpel", "E-postadress", FixtureFiles.Sector], ImportMapping.Empty)
            .ShouldBe(new Dictionary<Question, string> { [Question.Sector] = FixtureFiles.Sector });
    }
}
