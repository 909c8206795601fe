using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Core.Participations;
using Analytics.Ingest.Forms;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.Tests.Forms;

public class FormsResponsesTests
{
    public static TheoryData<string> Exports => [.. Directory.GetFiles(SampleData.File("forms"), "*.xlsx").Select(f => Path.GetFileName(f))];

    private static string ExportPath(string file) => SampleData.File("forms", file);

    /// <summary>The responses in the first worksheet, counted from the package's XML rather than through the reader.</summary>
    private static int ResponsesIn(string path)
    {
        using var package = ZipFile.OpenRead(path);
        using var sheet = new StreamReader(package.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return Regex.Count(sheet.ReadToEnd(), @"<(\w+:)?row[\s>]") - 1;
    }

    private static List<SourceRow> Read(string csv)
    {
        using var table = new DelimitedTable(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        return [.. new FormsResponses().Read(table)];
    }

    [Theory, MemberData(nameof(Exports))]
    public void Reads_every_response_of_a_forms_export_as_a_check_in(string file)
    {
        using var table = new XlsxTable(File.OpenRead(ExportPath(file)));

        new FormsResponses().Matches(table.Header).ShouldBeTrue();
        var rows = new FormsResponses().Read(table).ToList();

        rows.Count.ShouldBe(ResponsesIn(ExportPath(file)));
        rows.ShouldAllBe(r => r.Problem == null && r.Attendance == Attendance.Attended && r.ResponseId != null);
        rows.Select(r => r.ResponseId).ShouldBeUnique();
        rows.ShouldAllBe(r => r.Answers.Count == Enum.GetValues<Question>().Length);
        rows.ShouldAllBe(r => r.RsvpAtUtc != null);
    }

    [Theory, MemberData(nameof(Exports))]
    public void Uses_an_email_only_when_it_contains_an_at_sign(string file)
    {
        using var table = new XlsxTable(File.OpenRead(ExportPath(file)));

        var rows = new FormsResponses().Read(table).ToList();

        rows.ShouldContain(r => r.Email != null);
        rows.ShouldContain(r => r.Email == null, "the sample has anonymous responses");
        rows.Where(r => r.Email != null).ShouldAllBe(r => r.Email!.Contains('@'));
    }

    [Theory, MemberData(nameof(Exports))]
    public void Never_reads_a_name_into_a_row(string file)
    {
        List<string> names;
        using (var raw = new XlsxTable(File.OpenRead(ExportPath(file))))
        {
            var name = raw.Header.ToList().IndexOf("Name");
            names = [.. raw.Rows().Select(r => r.Cell(name)).Where(n => n.Length > 0)];
        }
        names.ShouldNotBeEmpty();
        using var table = new XlsxTable(File.OpenRead(ExportPath(file)));

        var rows = new FormsResponses().Read(table).ToList();

        var strings = rows.SelectMany(r => r.Answers.Values.Append(r.Email ?? "").Append(r.ResponseId ?? "")).ToList();
        foreach (var name in names)
            strings.ShouldNotContain(s => s.Contains(name, StringComparison.OrdinalIgnoreCase), name);
    }

    [Fact]
    public void Keeps_no_anonymous_or_blank_email_and_never_the_name()
    {
        var rows = Read("""
            ID,Start time,Completion time,Email,Name,Vilken sektor arbetar du inom?,Jag samtycker till att mina svar används för anonym statistik
            1,2026-10-08 08:43:40,2026-10-08 08:45:20,anonymous,,Kommun,Ja
            2,2026-10-08 08:50:00,2026-10-08 08:51:00,,Anna Berg,Region,Ja
            3,2026-10-08 08:52:19,2026-10-08 08:53:38,bo.ek@example.se,Bo Ek,Stat,Nej
            """);

        rows.Select(r => r.Email).ShouldBe([null, null, "bo.ek@example.se"]);
        rows.Select(r => r.Answers[Question.Sector]).ShouldBe(["Kommun", "Region", "Stat"]);
        rows[1].Answers.Values.ShouldNotContain("Anna Berg");
        rows[0].RsvpAtUtc.ShouldBe(new DateTime(2026, 10, 8, 6, 45, 20, DateTimeKind.Utc));
    }

    [Fact]
    public void Reports_a_response_without_id_as_a_problem_of_its_row()
    {
        var rows = Read("""
            ID,Start time,Completion time,Email,Name,Vilken sektor arbetar du inom?
            ,2026-10-08 08:43:40,2026-10-08 08:45:20,,,Kommun
            """);

        rows.Single().RowNumber.ShouldBe(2);
        rows.Single().ProblemColumn.ShouldBe("ID");
    }
}
