using Analytics.Core.Participations;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.MeetupPro;
using Analytics.Ingest.Text;
using Analytics.Ingest.Tests.Formats;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.MeetupPro;

public class MeetupProRegistrationsTests
{
    private static readonly string[] Header =
        ["updatedAt", "chapter.name", "event.title", "First name", "Last name", "Organization name", FixtureFiles.Sector, FixtureFiles.Consent];

    private static Fixture Export => FixtureFiles.Named("meetup-pro-registreringar.csv");

    private static string[] Registration(string updatedAt, string organisation = "Göteborgs Stad", string eventTitle = FixtureFiles.EventTitle) =>
        [updatedAt, "One Team Gov Västsverige", eventTitle, "Åsa", "Öberg", organisation, "Kommun", "Ja"];

    private static List<SourceRow> Read(IEnumerable<string> header, params string[][] rows)
    {
        using var table = new DelimitedTable(new MemoryStream(FixtureFiles.Utf8(FixtureFiles.Delimited(',', header, rows, quoteAll: true))));
        return [.. new MeetupProRegistrations().Read(table)];
    }

    [Fact]
    public void Matches_the_registration_responses_header_and_no_attendee_list()
    {
        var format = new MeetupProRegistrations();

        format.Matches(Header).ShouldBeTrue();
        format.Matches(["updatedAt", "chapter.name", "First name"]).ShouldBeTrue();
        format.Matches(new Meetup.MeetupListFile(true, ',', []).Header).ShouldBeFalse();
        format.Matches(["Timestamp", "updatedAt", FixtureFiles.Sector]).ShouldBeFalse();
        format.HasAttendance(Header).ShouldBeFalse();
    }

    [Fact]
    public void Reads_every_row_as_a_registration_without_an_attendee_key_or_attendance()
    {
        var rows = Export.Rows();

        rows.Count.ShouldBe(FixtureFiles.People.Count);
        rows.ShouldAllBe(r => r.Problem == null && r.Rsvp == Rsvp.Yes && r.Attendance == Attendance.Unknown
                              && r.MeetupMemberId == null && r.Email == null && r.ResponseId == null && r.Guests == 0);
        rows[0].RsvpAtUtc.ShouldBe(new DateTime(2026, 9, 20, 14, 3, 11, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("2026-03-20T14:03:11.000Z", "2026-03-20T14:03:11")]
    [InlineData("2026-03-20T15:03:11+01:00", "2026-03-20T14:03:11")]
    [InlineData("2026-09-20T14:03:11.5-0400", "2026-09-20T18:03:11.5")]
    [InlineData("2026-03-20 14:03:11Z", "2026-03-20T14:03:11")]
    [InlineData("2026-03-20 15:03", "2026-03-20T14:03:00")]
    [InlineData("2026-09-20 15:03", "2026-09-20T13:03:00")]
    public void Reads_updatedAt_with_its_zone_as_it_says_and_without_one_as_stockholm_time(string updatedAt, string utc)
    {
        var row = Read(Header, Registration(updatedAt)).Single();

        row.Problem.ShouldBeNull();
        row.RsvpAtUtc.ShouldBe(DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));
        row.RsvpAtUtc!.Value.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Reports_an_unreadable_updatedAt_as_a_problem_of_its_row()
    {
        var rows = Read(Header, Registration("2026-03-20T14:03:11Z"), Registration("förra tisdagen"), Registration("2026-13-45T25:00:00Z"));

        rows.Where(r => r.Problem != null).Select(r => (r.RowNumber, r.ProblemColumn)).ShouldBe([(3, "updatedAt"), (4, "updatedAt")]);
        rows[1].Problem.ShouldNotBeNull().ShouldStartWith("Datumet går inte att läsa");
    }

    [Fact]
    public void Takes_the_organisation_from_the_profile_unless_a_question_asks_for_it()
    {
        var format = new MeetupProRegistrations();
        string[] withQuestion = [.. Header, FixtureFiles.Organisation];

        format.RecognisedColumns(Header, ImportMapping.Empty)[Question.Organisation].ShouldBe("Organization name");
        format.RecognisedColumns(withQuestion, ImportMapping.Empty)[Question.Organisation].ShouldBe(FixtureFiles.Organisation);
        Read(Header, Registration("2026-03-20T14:03:11Z", "Åmåls kommun")).Single().Answers[Question.Organisation].ShouldBe("Åmåls kommun");
        Read(withQuestion, [.. Registration("2026-03-20T14:03:11Z", "Profilens AB"), "Härryda kommun"])
            .Single().Answers[Question.Organisation].ShouldBe("Härryda kommun");
    }

    [Fact]
    public void Reports_the_rows_of_another_event_than_the_first_rows_as_problems()
    {
        var rows = Read(Header,
            Registration("2026-03-20T14:03:11Z"),
            Registration("2026-03-21T14:03:11Z", eventTitle: "Nätverksmöte i Borås"),
            Registration("2026-03-22T14:03:11Z"));

        rows.Where(r => r.Problem != null).Select(r => (r.RowNumber, r.ProblemColumn)).ShouldBe([(3, "event.title")]);
        rows[1].Problem.ShouldNotBeNull().ShouldStartWith("Raden gäller ett annat evenemang än filens första rad");
    }

    [Theory, DatabaseProviders]
    public async Task A_new_export_of_the_event_replaces_its_registrations_as_a_set(string provider)
    {
        await using var database = await FixtureImport.DatabaseAsync(provider);
        await FixtureImport.ImportAsync(database, Export);
        var lateRegistration = string.Join(',', Registration("2026-10-01T08:00:00.000Z").Select(f => $"\"{f}\"")) + "\n";
        var updated = FixtureFiles.Utf8(System.Text.Encoding.UTF8.GetString(Export.Bytes) + lateRegistration);

        var result = await FixtureImport.ImportAsync(database, "meetup-pro-registreringar-2.csv", updated, ImportMapping.Empty);

        (result.RowsRead, result.Replaced, result.Created, result.Updated).ShouldBe((7, 6, 7, 0));
        (await FixtureImport.QueryAsync(database, db => db.Participations.CountAsync())).ShouldBe(7);
    }
}
