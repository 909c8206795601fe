using Analytics.Core.Participations;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.Generic;

/// <summary>
/// Any CSV or .xlsx table with at least one question column, recognised by its header or named in the organiser's
/// column mapping. Besides the questions it reads only an e-mail column (for the attendee key), an attendance column and
/// a number of guests, each by its fixed Swedish or English header; every other column (names, notes) is ignored.
/// Tried last, so that every specific format wins.
/// </summary>
public sealed class GenericSpreadsheet : InputFormat
{
    private static readonly string[] EmailColumns = ["E-post", "E-postadress", "Email", "E-mail", "Email address", "Mejl", "Mejladress"];
    private static readonly string[] AttendanceColumns = ["Deltog", "Attended", "Närvaro"];
    private static readonly string[] GuestColumns = ["Gäster", "Guests"];
    private static readonly string[] IdentifierColumns = [.. EmailColumns, .. AttendanceColumns, .. GuestColumns];

    public override string Kind => "csv";
    public override string Family => "csv";

    public override bool Matches(IReadOnlyList<string> header, ImportMapping mapping) =>
        QuestionColumns.Find(header, IdentifierColumns, mapping).Count > 0;

    public override bool HasAttendance(IReadOnlyList<string> header) => FirstOf(header, AttendanceColumns) is not null;

    public override IReadOnlyDictionary<Question, string> RecognisedColumns(IReadOnlyList<string> header, ImportMapping mapping) =>
        QuestionColumns.Find(header, IdentifierColumns, mapping).ToDictionary(q => q.Key, q => header[q.Value]);

    protected override Func<TableRow, SourceRow> Prepare(IReadOnlyList<string> header, ImportMapping mapping, IReadOnlyList<TableRow> sample)
    {
        var email = FirstOf(header, EmailColumns);
        var attendance = FirstOf(header, AttendanceColumns);
        var guests = FirstOf(header, GuestColumns);
        var questions = QuestionColumns.Find(header, IdentifierColumns, mapping);

        return row =>
        {
            var address = row.Cell(email);
            var result = new SourceRow(row.RowNumber)
            {
                Email = address.Contains('@') ? address : null,
                Answers = questions.ToDictionary(q => q.Key, q => row.Cell(q.Value)),
            };
            var attendanceText = row.Cell(attendance);
            if (ParseAttendance(attendanceText) is not { } attended)
                return result with
                {
                    ProblemColumn = header[attendance!.Value],
                    Problem = Messages.Say("Okänt närvarovärde; väntade Ja, Nej, Y, N, x eller en tom cell."),
                };
            var guestText = row.Cell(guests);
            if (guestText.Length > 0 && (!int.TryParse(guestText, out var guestCount) || guestCount < 0 || guestCount > 50))
                return result with
                {
                    ProblemColumn = header[guests!.Value],
                    Problem = Messages.Say("Antalet gäster är inget tal mellan 0 och 50."),
                };
            return result with { Attendance = attended, Guests = guestText.Length > 0 ? int.Parse(guestText) : 0 };
        };
    }

    private static int? FirstOf(IReadOnlyList<string> header, string[] names) =>
        names.Select(header.Column).FirstOrDefault(c => c is not null);

    /// <summary>A blank cell says nothing; a list that marks attendance makes blank "yes" registrations no-shows later.</summary>
    private static Attendance? ParseAttendance(string text) => TextKey.Of(text) switch
    {
        "" => Attendance.Unknown,
        "ja" or "j" or "yes" or "y" or "x" or "1" or "deltog" or "narvarande" or "attended" => Attendance.Attended,
        "nej" or "n" or "no" or "0" or "uteblev" or "absent" or "no show" => Attendance.NoShow,
        _ => null,
    };
}
