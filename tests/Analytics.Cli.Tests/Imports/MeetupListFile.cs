using System.Text;

namespace Analytics.Cli.Tests.Imports;

/// <summary>One person on a Meetup attendee list a test writes; every answer has a harmless default.</summary>
public sealed record ListedAttendee(int MemberId)
{
    public string Sector { get; init; } = "Kommun";
    public string Organisation { get; init; } = "Göteborgs Stad";
    public string Consent { get; init; } = "Ja";
}

/// <summary>Meetup attendee lists written by tests: small ones from attendees, large ones from a sample list's rows.</summary>
public static class MeetupListFile
{
    private const string Header =
        "Name,Attendance,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile,Notes," +
        "Vilken sektor arbetar du inom?,Vilken är din yrkesroll?,Vilken organisation kommer du från?,I vilken kommun arbetar du?," +
        "Vilken roll har du på träffen?,Jag samtycker till att mina svar används för anonym statistik";

    /// <summary>A list in the newer layout (comma, attendance), everyone registered and present.</summary>
    public static string Write(string path, params ListedAttendee[] attendees)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var a in attendees)
            text.Append($"Testperson {a.MemberId},Y,user {a.MemberId},,No,Yes,0,2026-03-01 10:00,2026-01-10," +
                        $"https://www.meetup.com/members/{a.MemberId}/,,{a.Sector},Projektledare,{a.Organisation},Göteborg,Deltagare,{a.Consent}\n");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>
    /// A classic (tab-separated) sample list's rows repeated until there are <paramref name="rows"/> of them, each copy
    /// a different member, so that every row is a person of its own.
    /// </summary>
    public static string WriteLarge(string path, int rows)
    {
        var sample = File.ReadAllLines(Path.Combine(SampleData.Folder, "meetup", "2026-05-20-offentliga-rummet-gastforelasning.tsv"))
            .Where(l => l.Length > 0).ToList();
        var header = sample[0].Split('\t');
        int userId = Array.IndexOf(header, "User ID"), profile = Array.IndexOf(header, "URL of Member Profile");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write(sample[0] + "\n");
        for (var i = 0; i < rows; i++)
        {
            var cells = sample[1 + i % (sample.Count - 1)].Split('\t');
            var member = 900_000_000 + i;
            cells[userId] = $"user {member}";
            cells[profile] = $"https://www.meetup.com/members/{member}/";
            writer.Write(string.Join('\t', cells) + "\n");
        }
        return path;
    }
}
