using System.Globalization;
using Analytics.Core.Participations;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.Forms;

/// <summary>
/// A Microsoft Forms export (ID, Start time, Completion time, Email, Name, then one column per question). A response is
/// a check-in, so it counts as attended. Name is never read; an e-mail is only used to derive the attendee key.
/// </summary>
public sealed class FormsResponses : InputFormat
{
    private static readonly string[] StandardColumns = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"];

    public override string Kind => "forms";
    public override string Family => "forms";

    public override bool Matches(IReadOnlyList<string> header, ImportMapping mapping) =>
        header.HasColumn("ID") && header.HasColumn("Completion time");

    public override bool HasAttendance(IReadOnlyList<string> header) => true;

    public override IReadOnlyDictionary<Question, string> RecognisedColumns(IReadOnlyList<string> header, ImportMapping mapping) =>
        QuestionColumns.Find(header, StandardColumns, mapping).ToDictionary(q => q.Key, q => header[q.Value]);

    protected override Func<TableRow, SourceRow> Prepare(IReadOnlyList<string> header, ImportMapping mapping, IReadOnlyList<TableRow> sample)
    {
        var id = header.Column("ID");
        var completion = header.Column("Completion time");
        var email = header.Column("Email");
        var questions = QuestionColumns.Find(header, StandardColumns, mapping);
        var dates = DateSniffer.From(sample.Select(r => r.Cell(completion)).Where(s => s.Length > 0));

        return row =>
        {
            var responseId = row.Cell(id);
            var address = row.Cell(email);
            var result = new SourceRow(row.RowNumber)
            {
                ResponseId = responseId,
                Email = address.Contains('@') ? address : null,
                Attendance = Attendance.Attended,
                RsvpAtUtc = ParseTime(row.Cell(completion), dates),
                Answers = questions.ToDictionary(q => q.Key, q => row.Cell(q.Value)),
            };
            return responseId.Length == 0
                ? result with { ProblemColumn = "ID", Problem = Messages.Say("Svaret saknar ID, så det kan inte skiljas från andra svar vid en ny import.") }
                : result;
        };
    }

    /// <summary>Excel may store the time as a serial number rather than text.</summary>
    private static DateTime? ParseTime(string text, DateSniffer dates) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial > 20000 && serial < 2958466
            ? Core.Events.Quarter.ToUtc(DateTime.FromOADate(serial))
            : dates.ParseStockholm(text);
}
