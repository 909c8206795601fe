using System.Text.RegularExpressions;
using Analytics.Core.Participations;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.Meetup;

/// <summary>
/// A Meetup event attendee list, in either column layout (with or without Attendance), tab or comma separated. Name,
/// Title and Notes are personal data: they are never read into a <see cref="SourceRow"/>.
/// </summary>
public static partial class MeetupAttendeeList
{
    private static readonly string[] StandardColumns =
        ["name", "attendance", "user id", "title", "event host", "rsvp", "guests", "rsvped on", "joined group on", "url of member profile", "notes"];

    /// <summary>True when the header looks like a Meetup attendee list.</summary>
    public static bool Matches(IReadOnlyList<string> header) =>
        header.HasColumn("RSVP") && (header.HasColumn("User ID") || header.HasColumn("URL of Member Profile"));

    public static bool HasAttendance(IReadOnlyList<string> header) => header.HasColumn("Attendance");

    public static IEnumerable<SourceRow> Read(ITable table)
    {
        var header = table.Header;
        var userId = header.Column("User ID");
        var profileUrl = header.Column("URL of Member Profile");
        var attendance = header.Column("Attendance");
        var host = header.Column("Event Host");
        var rsvp = header.Column("RSVP");
        var guests = header.Column("Guests");
        var rsvpedOn = header.Column("RSVPed on");
        var questions = QuestionColumns.Find(header, except: StandardColumns);

        // The date style is decided once per file, from the first rows.
        var buffered = new List<TableRow>();
        using var rows = table.Rows().GetEnumerator();
        while (buffered.Count < 200 && rows.MoveNext()) buffered.Add(rows.Current);
        var dates = DateSniffer.From(buffered.Select(r => r.Cell(rsvpedOn)).Where(s => s.Length > 0));

        foreach (var row in buffered) yield return Interpret(row);
        while (rows.MoveNext()) yield return Interpret(rows.Current);

        SourceRow Interpret(TableRow row)
        {
            var result = new SourceRow(row.RowNumber)
            {
                MeetupMemberId = MemberId(row.Cell(userId), row.Cell(profileUrl)),
                IsEventHost = row.Cell(host).Equals("yes", StringComparison.OrdinalIgnoreCase),
                Attendance = attendance is null ? Attendance.Unknown : ParseAttendance(row.Cell(attendance)),
                RsvpAtUtc = dates.ParseStockholm(row.Cell(rsvpedOn)),
                Answers = questions.ToDictionary(q => q.Key, q => row.Cell(q.Value)),
            };
            if (ParseRsvp(row.Cell(rsvp)) is not { } parsedRsvp)
                return result with { ProblemColumn = "RSVP", Problem = $"Okänt RSVP-värde ”{row.Cell(rsvp)}”; väntade Yes, No eller Waitlist." };
            var guestText = row.Cell(guests);
            if (guestText.Length > 0 && (!int.TryParse(guestText, out var guestCount) || guestCount < 0 || guestCount > 50))
                return result with { ProblemColumn = "Guests", Problem = $"Antalet gäster ”{guestText}” är inget tal mellan 0 och 50." };
            return result with { Rsvp = parsedRsvp, Guests = guestText.Length > 0 ? int.Parse(guestText) : 0 };
        }
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
