using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Core.Participations;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.MeetupPro;

/// <summary>
/// A Meetup Pro "registration responses" export (updatedAt, chapter.name, event.title, First name, Last name,
/// Organization name, then one column per question). It has no RSVP status and no member id: every row is a registration
/// without an attendee key, so a new export of the same event replaces its rows as a set. The names are never read.
/// </summary>
public sealed partial class MeetupProRegistrations : InputFormat
{
    private const string OrganisationColumn = "Organization name";

    private static readonly string[] StandardColumns =
        ["updatedAt", "chapter.name", "event.title", "First name", "Last name", OrganisationColumn];

    public override string Kind => "meetup-pro";
    public override string Family => "meetup";

    public override bool Matches(IReadOnlyList<string> header, ImportMapping mapping) =>
        header.HasColumn("updatedAt") && (header.HasColumn("event.title") || header.HasColumn("chapter.name"));

    public override IReadOnlyDictionary<Question, string> RecognisedColumns(IReadOnlyList<string> header, ImportMapping mapping) =>
        Questions(header, mapping).ToDictionary(q => q.Key, q => header[q.Value]);

    /// <summary>The question columns; the profile's organisation stands in when no question asks for it.</summary>
    private static Dictionary<Question, int> Questions(IReadOnlyList<string> header, ImportMapping mapping)
    {
        var questions = QuestionColumns.Find(header, StandardColumns, mapping);
        if (header.Column(OrganisationColumn) is { } organisation) questions.TryAdd(Question.Organisation, organisation);
        return questions;
    }

    protected override Func<TableRow, SourceRow> Prepare(IReadOnlyList<string> header, ImportMapping mapping, IReadOnlyList<TableRow> sample)
    {
        var updatedAt = header.Column("updatedAt");
        var eventTitle = header.Column("event.title");
        var questions = Questions(header, mapping);
        var dates = DateSniffer.From(sample.Select(r => r.Cell(updatedAt)).Where(s => s.Length > 0 && !HasZone(s)));
        // An export may span a network's events; the rows of any event but the first row's are not this event's.
        var firstEvent = sample.Count > 0 ? sample[0].Cell(eventTitle) : "";

        return row =>
        {
            var result = new SourceRow(row.RowNumber)
            {
                Rsvp = Rsvp.Yes,
                Attendance = Attendance.Unknown,
                Answers = questions.ToDictionary(q => q.Key, q => row.Cell(q.Value)),
            };
            var title = row.Cell(eventTitle);
            if (!title.Equals(firstEvent, StringComparison.Ordinal))
                return result with
                {
                    ProblemColumn = "event.title",
                    Problem = Messages.Say("Raden gäller ett annat evenemang än filens första rad; exportera ett evenemang i taget."),
                };
            var updatedText = row.Cell(updatedAt);
            var updated = ParseTime(updatedText, dates);
            if (updatedText.Length > 0 && updated is null)
                return result with
                {
                    ProblemColumn = "updatedAt",
                    Problem = Messages.Say("Datumet går inte att läsa; väntade till exempel 2026-03-20T14:03:11.000Z eller 2026-03-20 15:03."),
                };
            return result with { RsvpAtUtc = updated };
        };
    }

    /// <summary>A time with its zone (2026-03-20T14:03:11.000Z) is read as it says; one without is Stockholm's.</summary>
    private static DateTime? ParseTime(string text, DateSniffer dates) =>
        HasZone(text)
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var zoned) ? zoned.UtcDateTime : null
            : dates.ParseStockholm(text);

    private static bool HasZone(string text) => ZoneSuffix().IsMatch(text);

    [GeneratedRegex(@"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneSuffix();
}
