using System.Text.RegularExpressions;
using Analytics.Core.Participations;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.Meetup;

/// <summary>
/// A Meetup event attendee list, in either column layout (with or without Attendance), tab or comma separated. Name,
/// Title and Notes are personal data: they are never read into a <see cref="SourceRow"/>.
/// </summary>
public sealed partial class MeetupAttendeeList : InputFormat
{
    private static readonly string[] StandardColumns =
        ["Name", "Attendance", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on", "URL of Member Profile", "Notes"];

    public override string Kind => "meetup";
    public override string Family => "meetup";

    public override bool Matches(IReadOnlyList<string> header, ImportMapping mapping) =>
        header.HasColumn("RSVP") && (header.HasColumn("User ID") || header.HasColumn("URL of Member Profile"));

    public override bool HasAttendance(IReadOnlyList<string> header) => header.HasColumn("Attendance");

    public override IReadOnlyDictionary<Question, string> RecognisedColumns(IReadOnlyList<string> header, ImportMapping mapping) =>
        QuestionColumns.Find(header, StandardColumns, mapping).ToDictionary(q => q.Key, q => header[q.Value]);

    protected override Func<TableRow, SourceRow> Prepare(IReadOnlyList<string> header, ImportMapping mapping, IReadOnlyList<TableRow> sample)
    {
        var userId = header.Column("User ID");
        var profileUrl = header.Column("URL of Member Profile");
        var attendance = header.Column("Attendance");
        var host = header.Column("Event Host");
        var rsvp = header.Column("RSVP");
        var guests = header.Column("Guests");
        var rsvpedOn = header.Column("RSVPed on");
        var questions = QuestionColumns.Find(header, StandardColumns, mapping);
        var dates = DateSniffer.From(sample.Select(r => r.Cell(rsvpedOn)).Where(s => s.Length > 0));

        return row =>
        {
            var result = new SourceRow(row.RowNumber)
            {
                MeetupMemberId = MemberId(row.Cell(userId), row.Cell(profileUrl)),
                IsEventHost = row.Cell(host).Equals("yes", StringComparison.OrdinalIgnoreCase),
                Attendance = attendance is null ? Attendance.Unknown : ParseAttendance(row.Cell(attendance)),
                Answers = questions.ToDictionary(q => q.Key, q => row.Cell(q.Value)),
            };
            if (ParseRsvp(row.Cell(rsvp)) is not { } parsedRsvp)
                return result with { ProblemColumn = "RSVP", Problem = Messages.Say("Okänt RSVP-värde; väntade Yes, No eller Waitlist.") };
            var guestText = row.Cell(guests);
            if (guestText.Length > 0 && (!int.TryParse(guestText, out var guestCount) || guestCount < 0 || guestCount > 50))
                return result with { ProblemColumn = "Guests", Problem = Messages.Say("Antalet gäster är inget tal mellan 0 och 50.") };
            var rsvpedText = row.Cell(rsvpedOn);
            var rsvpedAt = dates.ParseStockholm(rsvpedText);
            if (rsvpedText.Length > 0 && rsvpedAt is null)
                return result with { ProblemColumn = "RSVPed on", Problem = Messages.Say("Datumet går inte att läsa; väntade till exempel 3/23/2026 17:30 eller 2026-03-23 17:30.") };
            return result with { Rsvp = parsedRsvp, RsvpAtUtc = rsvpedAt, Guests = guestText.Length > 0 ? int.Parse(guestText) : 0 };
        };
    }

    /// <summary>"user 12345", or the number in ".../members/12345/".</summary>
    public static string? MemberId(string userId, string profileUrl)
    {
        var fromId = UserIdPattern().Match(userId);
        if (fromId.Success) return fromId.Groups[1].Value;
        var fromUrl = ProfileUrlPattern().Match(profileUrl);
        return fromUrl.Success ? fromUrl.Groups[1].Value : null;
    }

    private static Rsvp? ParseRsvp(string text) => text.Trim().ToLowerInvariant() switch
    {
        "yes" or "ja" or "" => Rsvp.Yes,
        "no" or "nej" => Rsvp.No,
        "waitlist" or "waitlisted" or "väntelista" => Rsvp.Waitlist,
        _ => null,
    };

    private static Attendance ParseAttendance(string text) => text.Trim().ToLowerInvariant() switch
    {
        "y" or "yes" or "ja" or "attended" => Attendance.Attended,
        "n" or "no" or "nej" or "absent" or "no show" => Attendance.NoShow,
        _ => Attendance.Unknown,
    };

    [GeneratedRegex(@"^\s*(?:user\s*)?(\d{1,12})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UserIdPattern();

    [GeneratedRegex(@"/members/(\d{1,12})/?", RegexOptions.IgnoreCase)]
    private static partial Regex ProfileUrlPattern();
}
