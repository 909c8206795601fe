namespace Analytics.Cli.Tests;

/// <summary>The repository's data-samples/ folder and what the tests count in it themselves.</summary>
public static class SampleData
{
    public const string FirstMeeting = "2026-03-23-forsta-motet";

    public static string Folder { get; } = Find();

    public static string FirstMeetingFile => Path.Combine(Folder, "meetup", $"{FirstMeeting}.csv");

    public static string Organisations => Path.Combine(Folder, "organisations.csv");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "data-samples");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("data-samples/ not found above the test binaries.");
    }
}

/// <summary>
/// Headcounts read straight from a comma-separated Meetup list, independently of the importer: registered = RSVP Yes
/// plus guests, attended = Attendance Y plus guests, with profile = attended rows whose consent answer is Ja.
/// </summary>
public sealed record MeetupCounts(int Registered, int Attended, int WithProfile, int Rows)
{
    public static MeetupCounts Of(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        var header = Split(lines[0]);
        var rsvp = header.IndexOf("RSVP");
        var attendance = header.IndexOf("Attendance");
        var guests = header.IndexOf("Guests");
        var consent = header.FindIndex(h => h.Contains("samtycker", StringComparison.OrdinalIgnoreCase));
        int registered = 0, attended = 0, withProfile = 0;
        foreach (var fields in lines.Skip(1).Select(Split))
        {
            var people = 1 + (fields[guests].Length > 0 ? int.Parse(fields[guests]) : 0);
            if (fields[rsvp] == "Yes") registered += people;
            if (fields[attendance] == "Y")
            {
                attended += people;
                if (fields[consent].Trim() == "Ja") withProfile++;
            }
        }
        return new MeetupCounts(registered, attended, withProfile, lines.Count - 1);
    }

    /// <summary>Splits on commas outside double quotes; enough for the sample files.</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
