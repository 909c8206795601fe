using Analytics.Ingest.Mapping;

namespace Analytics.Ingest.Tests.Mapping;

public class QuestionColumnsTests
{
    [Theory]
    [InlineData("Vilken sektor arbetar du inom?", Question.Sector)]
    [InlineData("Vilken är din yrkesroll?", Question.Profession)]
    [InlineData("Vilken organisation kommer du från?", Question.Organisation)]
    [InlineData("I vilken kommun arbetar du?", Question.Municipality)]
    [InlineData("Vilken roll har du på träffen?", Question.Role)]
    [InlineData("Jag samtycker till att mina svar används för anonym statistik", Question.Consent)]
    public void Recognises_the_swedish_questions_of_the_sample_files(string header, Question question) =>
        QuestionColumns.Recognise(header).ShouldBe(question);

    [Theory]
    [InlineData("Which sector do you work in?", Question.Sector)]
    [InlineData("What is your profession?", Question.Profession)]
    [InlineData("What is your job role?", Question.Profession)]
    [InlineData("Which organization are you from?", Question.Organisation)]
    [InlineData("Which municipality do you work in?", Question.Municipality)]
    [InlineData("What is your role at the meetup?", Question.Role)]
    [InlineData("I consent to my answers being used for anonymous statistics", Question.Consent)]
    public void Recognises_the_english_equivalents(string header, Question question) =>
        QuestionColumns.Recognise(header).ShouldBe(question);

    [Theory]
    [InlineData("Name")]
    [InlineData("User ID")]
    [InlineData("Title")]
    [InlineData("RSVP")]
    [InlineData("URL of Member Profile")]
    [InlineData("Notes")]
    public void Takes_no_standard_meetup_column_for_a_question(string header) =>
        QuestionColumns.Recognise(header).ShouldBeNull();

    [Fact]
    public void Reads_no_column_of_the_format_itself_as_a_question_even_when_a_mapping_names_it()
    {
        string[] header = ["Namn", "E-post", "Jobbar på"];
        var mapping = ImportMapping.Parse("""{ "columns": { "E-post": "sector", "Jobbar på": "organisation" } }""");

        var found = QuestionColumns.Find(header, ["E-post"], mapping);

        found.ShouldBe(new Dictionary<Question, int> { [Question.Organisation] = 2 });
    }

    [Theory]
    [InlineData("meetup/2025-10-09-forstudie-ett-team-i-vast.tsv")]
    [InlineData("meetup/2026-03-23-forsta-motet.csv")]
    public void Finds_all_six_questions_in_a_sample_list_with_profession_apart_from_role(string file)
    {
        var header = SampleCsv.Read(SampleData.File(file.Split('/'))).Header;

        var found = QuestionColumns.Find(header);

        found.Keys.ShouldBe(Enum.GetValues<Question>(), ignoreOrder: true);
        header[found[Question.Profession]].ShouldBe("Vilken är din yrkesroll?");
        header[found[Question.Role]].ShouldBe("Vilken roll har du på träffen?");
    }
}
