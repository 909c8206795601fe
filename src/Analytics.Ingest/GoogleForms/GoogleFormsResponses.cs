using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Core.Participations;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.GoogleForms;

/// <summary>
/// A Google Forms response sheet saved as CSV: Timestamp (Tidstämpel in Swedish), the e-mail address when the form
/// collects it, then one column per question. A response is a check-in, so it counts as attended. It has no response
/// id: a response without e-mail is anonymous, and a new export of the same form replaces those as a set.
/// </summary>
public sealed partial class GoogleFormsResponses : InputFormat
{
    private static readonly string[] TimestampColumns = ["Timestamp", "Tidstämpel", "Tidsstämpel"];
    private static readonly string[] EmailColumns = ["Email Address", "E-postadress", "Username", "Användarnamn"];
    private static readonly string[] StandardColumns = [.. TimestampColumns, .. EmailColumns];

    /// <summary>English-locale sheets write the year first with a 12-hour clock; Swedish ones write ISO.</summary>
    private static readonly string[] YearFirstFormats =
        ["yyyy/M/d h:mm:ss tt", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm:ss", "yyyy/M/d h:mm tt", "yyyy/M/d H:mm", "yyyy-M-d H:mm"];

    public override string Kind => "google-forms";
    public override string Family => "forms";

    /// <summary>Google always puts the timestamp first; other formats that have one (Meetup Pro) do not.</summary>
    public override bool Matches(IReadOnlyList<string> header, ImportMapping mapping) =>
        header.Count > 1 && TimestampColumns.Contains(header[0].Trim(), StringComparer.OrdinalIgnoreCase);

    public override bool HasAttendance(IReadOnlyList<string> header) => true;

    public override IReadOnlyDictionary<Question, string> RecognisedColumns(IReadOnlyList<string> header, ImportMapping mapping) =>
        QuestionColumns.Find(header, StandardColumns, mapping).ToDictionary(q => q.Key, q => header[q.Value]);

    protected override Func<TableRow, SourceRow> Prepare(IReadOnlyList<string> header, ImportMapping mapping, IReadOnlyList<TableRow> sample)
    {
        const int timestamp = 0;
        var email = EmailColumns.Select(header.Column).FirstOrDefault(c => c is not null);
        var questions = QuestionColumns.Find(header, StandardColumns, mapping);
        // Only day-and-month-first stamps (10/8/2026 9:14:03, from a US or UK sheet) need the per-file guess.
        var dates = DateSniffer.From(sample.Select(r => r.Cell(timestamp)).Where(s => s.Length > 0 && !YearFirst().IsMatch(s)));

        return row =>
        {
            var address = row.Cell(email);
            var result = new SourceRow(row.RowNumber)
            {
                Email = address.Contains('@') ? address : null,
                Attendance = Attendance.Attended,
                Answers = questions.ToDictionary(q => q.Key, q => row.Cell(q.Value)),
            };
            var stampText = row.Cell(timestamp);
            var stamp = ParseTime(stampText, dates);
            if (stampText.Length > 0 && stamp is null)
                return result with
                {
                    ProblemColumn = header[timestamp],
                    Problem = Messages.Say("Tidstämpeln går inte att läsa; väntade till exempel 2026-10-08 09:14:03 eller 2026/10/08 9:14:03 AM GMT+2."),
                };
            return result with { RsvpAtUtc = stamp };
        };
    }

    /// <summary>
    /// "2026/10/08 9:14:03 AM GMT+2" is read with its offset; a stamp without one is Stockholm time. A sheet saved as
    /// .xlsx holds the time as a serial number.
    /// </summary>
    private static DateTime? ParseTime(string text, DateSniffer dates)
    {
        if (text.Length == 0) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            return serial is > 20000 and < 2958466 ? Core.Events.Quarter.ToUtc(DateTime.FromOADate(serial)) : null;

        var zoned = Zone().Match(text);
        var local = zoned.Success ? zoned.Groups["time"].Value : text;
        if (!DateTime.TryParseExact(local, YearFirstFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return zoned.Success ? null : dates.ParseStockholm(text);
        // No form was answered before 1900; the bound also keeps the zone arithmetic clear of DateTime's limits.
        if (time.Year < 1900) return null;
        if (!zoned.Success) return Core.Events.Quarter.ToUtc(time);

        var offset = zoned.Groups["hours"].Success
            ? new TimeSpan(int.Parse(zoned.Groups["hours"].Value, CultureInfo.InvariantCulture),
                zoned.Groups["minutes"].Success ? int.Parse(zoned.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0, 0)
            : TimeSpan.Zero;
        if (offset > TimeSpan.FromHours(14)) return null;
        return DateTime.SpecifyKind(zoned.Groups["sign"].Value == "-" ? time + offset : time - offset, DateTimeKind.Utc);
    }

    [GeneratedRegex(@"^(?<time>.+?)\s*(?:GMT|UTC)(?:(?<sign>[+-])(?<hours>\d{1,2})(?::?(?<minutes>\d{2}))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Zone();

    [GeneratedRegex(@"^\d{4}[/-]")]
    private static partial Regex YearFirst();
}
