using Analytics.Core.Participations;
using Analytics.Testing;

namespace Analytics.Ingest.Tests.Formats;

public class FixtureRowsTests
{
    public static TheoryData<string> Fixtures => FixtureFiles.Names;

    [Theory, MemberData(nameof(Fixtures))]
    public void Reads_one_row_per_person_with_every_answer_as_written_å_ä_ö_included(string file)
    {
        var fixture = FixtureFiles.Named(file);

        var rows = fixture.Rows();

        rows.ShouldAllBe(r => r.Problem == null);
        rows.Select(r => r.RowNumber).ShouldBe(Enumerable.Range(2, fixture.People.Count));
        rows.Select(r => (r.Answers[Question.Sector], r.Answers[Question.Profession], r.Answers[Question.Organisation],
                r.Answers[Question.Municipality], r.Answers[Question.Consent]))
            .ShouldBe(fixture.People.Select(fixture.AnswersOf).Select(a => (a.Sector, a.Profession, a.Organisation, a.Municipality, a.Consent)));
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Keeps_no_name_and_an_email_only_as_the_identifier_to_hash(string file)
    {
        var fixture = FixtureFiles.Named(file);

        var rows = fixture.Rows();

        var strings = rows.SelectMany(r => RowStrings.Of(r, withEmail: false)).ToList();
        foreach (var person in fixture.People)
        {
            strings.ShouldNotContain(s => s.Contains(person.FirstName, StringComparison.OrdinalIgnoreCase), person.FirstName);
            strings.ShouldNotContain(s => s.Contains(person.LastName, StringComparison.OrdinalIgnoreCase), person.LastName);
            strings.ShouldNotContain(s => s.Contains('@'), "an e-mail outside the Email property");
        }
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Identifies_a_person_the_way_the_format_allows(string file)
    {
        var fixture = FixtureFiles.Named(file);

        var rows = fixture.Rows();

        switch (fixture.Key)
        {
            case FixtureKey.MeetupMember:
                rows.Select(r => r.MeetupMemberId).ShouldBe(fixture.People.Select(p => p.MemberId.ToString()));
                rows.ShouldAllBe(r => r.Email == null);
                break;
            case FixtureKey.Email:
                var emails = rows.Select(r => r.Email).Where(e => e != null).ToList();
                emails.ShouldNotBeEmpty();
                emails.ShouldBeSubsetOf(fixture.People.Select(p => p.Email));
                rows.ShouldAllBe(r => r.MeetupMemberId == null);
                break;
            case FixtureKey.None:
                rows.ShouldAllBe(r => r.MeetupMemberId == null && r.Email == null && r.ResponseId == null);
                break;
        }
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Reads_registration_and_attendance_as_the_file_tells_them(string file)
    {
        var fixture = FixtureFiles.Named(file);
        using var table = fixture.Table();

        var rows = fixture.Rows();

        rows.ShouldAllBe(r => r.Rsvp == Rsvp.Yes);
        fixture.Format.HasAttendance(table.Header).ShouldBe(fixture.TellsAttendance);
        if (fixture.TellsAttendance)
            rows.Count(r => r.Attendance == Attendance.Attended).ShouldBe(fixture.People.Count(p => p.Attended));
        else
            rows.ShouldAllBe(r => r.Attendance == Attendance.Unknown);
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Recognises_the_question_columns_of_each_fixture(string file)
    {
        var fixture = FixtureFiles.Named(file);
        using var table = fixture.Table();

        var columns = fixture.Format.RecognisedColumns(table.Header, fixture.Mapping);

        columns.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value).ShouldBe(fixture.Columns, ignoreOrder: true);
    }
}
