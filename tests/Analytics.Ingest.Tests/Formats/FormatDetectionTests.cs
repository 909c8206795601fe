using Analytics.Ingest.Forms;
using Analytics.Ingest.Generic;
using Analytics.Ingest.GoogleForms;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Meetup;
using Analytics.Ingest.MeetupPro;
using Analytics.Ingest.Text;
using Analytics.Testing;

namespace Analytics.Ingest.Tests.Formats;

public class FormatDetectionTests
{
    public static TheoryData<string> Fixtures => FixtureFiles.Names;

    private static IReadOnlyList<string> HeaderOf(Fixture fixture)
    {
        using var table = fixture.Table();
        return table.Header;
    }

    private static IReadOnlyList<string> HeaderOf(string path)
    {
        using var stream = File.OpenRead(path);
        using var table = FileChecks.IsZip(stream) ? (ITable)new XlsxTable(stream) : new DelimitedTable(stream);
        return table.Header;
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Each_fixture_is_read_by_its_own_format(string file)
    {
        var fixture = FixtureFiles.Named(file);

        var format = InputFormats.For(HeaderOf(fixture), null, fixture.Mapping);

        format.ShouldNotBeNull().Kind.ShouldBe(fixture.Kind);
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void No_specific_format_matches_another_formats_fixture(string file)
    {
        var fixture = FixtureFiles.Named(file);
        var header = HeaderOf(fixture);

        var matching = InputFormats.All.Where(f => f is not GenericSpreadsheet && f.Matches(header, fixture.Mapping)).Select(f => f.Kind);

        matching.ShouldBe(fixture.Kind == "csv" ? [] : [fixture.Kind]);
    }

    [Fact]
    public void The_generic_spreadsheet_is_tried_last_so_every_specific_format_wins()
    {
        InputFormats.All[^1].ShouldBeOfType<GenericSpreadsheet>();
        foreach (var fixture in FixtureFiles.All)
            new GenericSpreadsheet().Matches(HeaderOf(fixture), fixture.Mapping).ShouldBeTrue(fixture.FileName);
    }

    [Fact]
    public void Every_sample_file_is_read_by_the_format_of_its_folder()
    {
        foreach (var path in Directory.GetFiles(SampleData.File("meetup")))
            InputFormats.For(HeaderOf(path), null, ImportMapping.Empty).ShouldBeOfType<MeetupAttendeeList>(path);
        foreach (var path in Directory.GetFiles(SampleData.File("forms"), "*.xlsx"))
            InputFormats.For(HeaderOf(path), null, ImportMapping.Empty).ShouldBeOfType<FormsResponses>(path);
    }

    [Theory]
    [InlineData("forms-incheckning.xlsx", "forms", typeof(FormsResponses))]
    [InlineData("google-formular-sv.csv", "forms", typeof(GoogleFormsResponses))]
    [InlineData("google-forms-en.csv", "forms", typeof(GoogleFormsResponses))]
    [InlineData("google-forms-en.csv", "google-forms", typeof(GoogleFormsResponses))]
    [InlineData("meetup-klassisk.tsv", "meetup", typeof(MeetupAttendeeList))]
    [InlineData("meetup-ny.csv", "meetup", typeof(MeetupAttendeeList))]
    [InlineData("meetup-pro-registreringar.csv", "meetup", typeof(MeetupProRegistrations))]
    [InlineData("meetup-pro-registreringar.csv", "meetup-pro", typeof(MeetupProRegistrations))]
    [InlineData("deltagare-excel.csv", "csv", typeof(GenericSpreadsheet))]
    [InlineData("deltagarlista.xlsx", "xlsx", typeof(GenericSpreadsheet))]
    [InlineData("meetup-ny.csv", "csv", typeof(MeetupAttendeeList))]
    public void A_kind_picks_the_format_of_its_family_that_matches(string file, string kind, Type expected)
    {
        var fixture = FixtureFiles.Named(file);

        InputFormats.For(HeaderOf(fixture), kind, fixture.Mapping).ShouldBeOfType(expected);
    }

    [Theory]
    [InlineData("google-formular-sv.csv", "meetup")]
    [InlineData("forms-incheckning.xlsx", "meetup")]
    [InlineData("meetup-pro-registreringar.csv", "forms")]
    [InlineData("meetup-klassisk.tsv", "forms")]
    [InlineData("meetup-ny.csv", "meetup-pro")]
    [InlineData("forms-incheckning.xlsx", "google-forms")]
    [InlineData("deltagare-excel.csv", "forms")]
    public void A_kind_of_another_family_finds_no_format(string file, string kind)
    {
        var fixture = FixtureFiles.Named(file);

        InputFormats.For(HeaderOf(fixture), kind, fixture.Mapping).ShouldBeNull();
    }

    [Fact]
    public void Every_kind_can_be_asked_for()
    {
        InputFormats.Kinds.ShouldBe(["meetup", "meetup-pro", "forms", "google-forms", "csv", "xlsx"], ignoreOrder: true);
        InputFormats.All.Select(f => f.Family).Distinct().ShouldBe(["meetup", "forms", "csv"], ignoreOrder: true);
    }
}
