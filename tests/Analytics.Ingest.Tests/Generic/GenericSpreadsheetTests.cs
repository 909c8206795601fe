using Analytics.Core.Participations;
using Analytics.Ingest.Generic;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;
using Analytics.Ingest.Tests.Formats;
using Analytics.Testing;

namespace Analytics.Ingest.Tests.Generic;

public class GenericSpreadsheetTests
{
    private static List<SourceRow> Read(IEnumerable<string> header, ImportMapping mapping, params string[][] rows)
    {
        using var table = new DelimitedTable(new MemoryStream(FixtureFiles.Utf8(FixtureFiles.Delimited(';', header, rows, quoteAll: false))));
        return [.. new GenericSpreadsheet().Read(table, mapping)];
    }

    private static List<SourceRow> Read(IEnumerable<string> header, params string[][] rows) => Read(header, ImportMapping.Empty, rows);

    [Fact]
    public void Matches_a_table_with_a_recognised_question_column()
    {
        var format = new GenericSpreadsheet();

        format.Matches(["Namn", "E-post", FixtureFiles.Municipality]).ShouldBeTrue();
        format.Matches(["Namn", "E-post", "Deltog", "Gäster"]).ShouldBeFalse();
        format.Matches(["Förnamn", "Efternamn", "Favoritfärg"]).ShouldBeFalse();
    }

    [Fact]
    public void Reads_an_unknown_header_as_the_question_the_organiser_mapped_it_to()
    {
        var header = new[] { "Namn", "Vad jobbar du med?", "Jobbar var?" };
        var mapping = ImportMapping.Parse("""{ "columns": { "Vad jobbar du med?": "profession", "jobbar VAR?": "organisation" } }""");
        var format = new GenericSpreadsheet();

        format.Matches(header).ShouldBeFalse();
        format.Matches(header, mapping).ShouldBeTrue();
        InputFormats.For(header, null, mapping).ShouldBeOfType<GenericSpreadsheet>();
        var row = Read(header, mapping, ["Åsa Öberg", "Tjänstedesigner", "Göteborgs Stad"]).Single();
        row.Answers.ShouldBe(new Dictionary<Question, string> { [Question.Profession] = "Tjänstedesigner", [Question.Organisation] = "Göteborgs Stad" });
    }

    [Theory]
    [InlineData("Ja", Attendance.Attended)]
    [InlineData("y", Attendance.Attended)]
    [InlineData("x", Attendance.Attended)]
    [InlineData("X", Attendance.Attended)]
    [InlineData("Yes", Attendance.Attended)]
    [InlineData("Nej", Attendance.NoShow)]
    [InlineData("N", Attendance.NoShow)]
    [InlineData("", Attendance.Unknown)]
    public void Reads_attendance_written_as_ja_nej_y_n_or_x(string deltog, Attendance expected)
    {
        foreach (var column in new[] { "Deltog", "Attended", "Närvaro" })
            Read([column, FixtureFiles.Sector], [deltog, "Kommun"]).Single().Attendance.ShouldBe(expected, column);
    }

    [Fact]
    public void Reads_the_email_and_the_number_of_guests_by_their_fixed_headers()
    {
        var rows = Read(["Mejl", "Gäster", FixtureFiles.Sector], ["asa.oberg@example.se", "2", "Kommun"], ["inte angiven", "", "Region"]);

        rows.Select(r => (r.Email, r.Guests)).ShouldBe([("asa.oberg@example.se", 2), (null, 0)]);
        rows.ShouldAllBe(r => r.Rsvp == Rsvp.Yes && r.Answers.Count == 1);
        new GenericSpreadsheet().HasAttendance(["Mejl", "Gäster", FixtureFiles.Sector]).ShouldBeFalse();
    }

    [Fact]
    public void Reports_an_unknown_attendance_value_or_guest_count_as_a_problem_of_its_row()
    {
        var rows = Read(["Närvaro", "Guests", FixtureFiles.Sector], ["kanske", "0", "Kommun"], ["Ja", "två", "Kommun"], ["Ja", "1,5", "Kommun"], ["Ja", "1", "Kommun"]);

        rows.Where(r => r.Problem != null).Select(r => (r.RowNumber, r.ProblemColumn)).ShouldBe([(2, "Närvaro"), (3, "Guests"), (4, "Guests")]);
        rows[0].Problem.ShouldNotBeNull().ShouldStartWith("Okänt närvarovärde");
        rows[3].Guests.ShouldBe(1);
    }

    [Fact]
    public void Reads_a_csv_that_swedish_excel_saved_with_semicolons_in_windows_1252()
    {
        var fixture = FixtureFiles.Named("deltagare-excel.csv");

        var rows = fixture.Rows();

        System.Text.Encoding.UTF8.GetString(fixture.Bytes).ShouldNotContain("Märta", customMessage: "the file really is not UTF-8");
        fixture.Bytes[..3].ShouldNotBe(System.Text.Encoding.UTF8.Preamble.ToArray(), "no byte order mark");
        rows.Select(r => r.Answers[Question.Sector]).ShouldContain(FixtureFiles.UnmappedSector);
        rows.Select(r => r.Guests).ShouldBe([0, 1, 2, 0, 1, 2]);
        rows.ShouldAllBe(r => !r.Answers.Values.Any(a => a.Contains(",50")), "the cost column is not a question");
    }

    [Fact]
    public void Reads_an_xlsx_with_numbers_as_numbers_and_attendance_as_crosses()
    {
        var fixture = FixtureFiles.Named("deltagarlista.xlsx");

        var rows = fixture.Rows();

        rows.Select(r => r.Guests).ShouldBe([0, 1, 0, 1, 0, 1]);
        rows.Select(r => r.Attendance).ShouldBe(fixture.People.Select(p => p.Attended ? Attendance.Attended : Attendance.Unknown));
        rows.Select(r => r.Email).ShouldBe(fixture.People.Select(p => p.Email));
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_table_of_unknown_headers_until_the_organiser_maps_a_column(string provider)
    {
        await using var database = await FixtureImport.DatabaseAsync(provider);
        var file = FixtureFiles.Utf8(FixtureFiles.Delimited(';', ["Namn", "Vad jobbar du med?"], [["Åsa Öberg", "Tjänstedesigner"]], quoteAll: false));
        var mapping = ImportMapping.Parse("""{ "columns": { "Vad jobbar du med?": "profession" } }""");

        var refused = await FixtureImport.ImportAsync(database, "lista.csv", file, ImportMapping.Empty);
        var imported = await FixtureImport.ImportAsync(database, "lista.csv", file, mapping);

        refused.Refusal.ShouldNotBeNull().ShouldContain("Vad jobbar du med?");
        imported.Refusal.ShouldBeNull();
        (imported.Kind, imported.RowsRead, imported.RowsAccepted).ShouldBe(("csv", 1, 1));
        imported.Columns.ShouldBe(new Dictionary<string, string> { ["profession"] = "Vad jobbar du med?" });
    }
}
