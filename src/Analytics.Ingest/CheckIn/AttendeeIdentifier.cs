using Analytics.Core.Privacy;
using Analytics.Ingest.Meetup;

namespace Analytics.Ingest.CheckIn;

/// <summary>
/// What an attendee may type to link devices and imports: an e-mail address, or a Meetup profile address or member id.
/// It becomes the HMAC attendee key at once, the same key an imported list gives the same person; the text is dropped.
/// </summary>
public static class AttendeeIdentifier
{
    /// <summary>The attendee key, or null when the text is neither an e-mail address nor a Meetup profile.</summary>
    public static string? KeyOf(string typed, AttendeeKeyHasher keys)
    {
        var text = typed.Trim();
        if (text.Length is 0 or > 254) return null;
        if (text.Contains('@'))
            return text.IndexOf('@') is var at && at > 0 && at < text.Length - 1 && !text.Any(char.IsWhiteSpace) ? keys.ForEmail(text) : null;
        return MeetupAttendeeList.MemberId(text, text) is { } member ? keys.ForMeetupMember(member) : null;
    }
}
