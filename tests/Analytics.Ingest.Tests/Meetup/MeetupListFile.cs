using System.Text;
using Analytics.Ingest.Text;

namespace Analytics.Ingest.Tests.Meetup;

/// <summary>One person on a Meetup attendee list written by a test; every cell has a harmless default.</summary>
internal sealed record Attendee(string Name)
{
    public string Attendance { get; init; } = "";
    public string UserId { get; init; } = "";
    public string Title { get; init; } = "";
    public string EventHost { get; init; } = "No";
    public string Rsvp { get; init; } = "Yes";
    public string Guests { get; init; } = "0";
    public string RsvpedOn { get; init; } = "";
    public string JoinedGroupOn { get; init; } = "";
    public string ProfileUrl { get; init; } = "";
    public string Notes { get; init; } = "";
    public string Sector { get; init; } = "Kommun";
    public string Profession { get; init; } = "Projektledare";
    public string Organisation { get; init; } = "Göteborgs Stad";
    public string Municipality { get; init; } = "Göteborg";
    public string Role { get; init; } = "Deltagare";
    public string Consent { get; init; } = "Ja";

    public static Attendee Member(string name, int memberId) => new(name)
    {
        UserId = $"user {memberId}",
        ProfileUrl = $"https://www.meetup.com/members/{memberId}/",
    };
}

/// <summary>A small Meetup attendee list in the classic (tab, no attendance) or newer (comma, attendance) layout.</summary>
internal sealed class MeetupListFile(bool newer, char separator, IReadOnlyList<Attendee> attendees)
{
    private static readonly string[] Questions =
    [
        "Vilken sektor arbetar du inom?", "Vilken är din yrkesroll?", "Vilken organisation kommer du från?",
        "I vilken kommun arbetar du?", "Vilken roll har du på träffen?", "Jag samtycker till att mina svar används för anonym statistik",
    ];

    public static MeetupListFile Classic(params Attendee[] attendees) => new(false, '\t', attendees);

    public static MeetupListFile Newer(params Attendee[] attendees) => new(true, ',', attendees);

    public string[] Header => newer
        ? ["Name", "Attendance", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on", "URL of Member Profile", "Notes", .. Questions]
        : ["Name", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on", "URL of Member Profile", .. Questions];

    public string Text()
    {
        var text = new StringBuilder(string.Join(separator, Header)).Append('\n');
        foreach (var a in attendees)
        {
            string[] answers = [a.Sector, a.Profession, a.Organisation, a.Municipality, a.Role, a.Consent];
            string[] cells = newer
                ? [a.Name, a.Attendance, a.UserId, a.Title, a.EventHost, a.Rsvp, a.Guests, a.RsvpedOn, a.JoinedGroupOn, a.ProfileUrl, a.Notes, .. answers]
                : [a.Name, a.UserId, a.Title, a.EventHost, a.Rsvp, a.Guests, a.RsvpedOn, a.JoinedGroupOn, a.ProfileUrl, .. answers];
            text.Append(string.Join(separator, cells.Select(Quote))).Append('\n');
        }
        return text.ToString();
    }

    public MemoryStream Stream() => new(Encoding.UTF8.GetBytes(Text()));

    public ITable Table() => new DelimitedTable(Stream());

    private string Quote(string cell) => cell.Contains(separator) || cell.Contains('"') ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}
