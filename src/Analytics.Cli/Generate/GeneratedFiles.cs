using System.Globalization;
using System.Text;
using System.Text.Json;
using static Analytics.Cli.Generate.SampleDistributions;
using static Analytics.SampleData.Distributions;
using static Analytics.SampleData.Taxonomy;

namespace Analytics.Cli.Generate;

/// <summary>
/// Writes a generated history in data-samples/'s layout (organisations.csv, events.csv, targets.example.csv,
/// mapping.json, meetup/*.tsv|csv), so `analytics seed --from DIR` and `analytics import` read it as they read the
/// sample. Attendee lists are written one event at a time: memory stays flat however many rows there are.
/// </summary>
internal static class GeneratedFiles
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly string[] ClassicColumns =
        ["Name", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on", "URL of Member Profile"];

    private static readonly string[] AttendanceColumns =
    [
        "Name", "Attendance", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on",
        "URL of Member Profile", "Notes",
    ];

    public static string ListFileName(SyntheticEvent e) => e.Slug + (e.Classic ? ".tsv" : ".csv");

    public static void WriteOrganisations(string path, SyntheticNetwork network)
    {
        using var writer = Open(path);
        WriteLine(writer, ',', ["organisationsnummer", "name", "sector", "municipality", "host"]);
        foreach (var o in network.Organisations.Where(o => o.InCatalogue))
            WriteLine(writer, ',', ["", o.Name, o.Sector, o.Municipality, o.IsHost ? "true" : "false"]);
    }

    public static void WriteEvents(string path, IEnumerable<SyntheticEvent> events)
    {
        using var writer = Open(path);
        WriteLine(writer, ',', ["slug", "title", "starts", "ends", "format", "municipality", "online", "capacity", "meetup_event_id", "hosts"]);
        foreach (var e in events)
            WriteLine(writer, ',',
            [
                e.Slug, e.Title, Invariant(e.Starts, "yyyy-MM-ddTHH:mm"), Invariant(e.Ends, "yyyy-MM-ddTHH:mm"), e.Shape.Format,
                e.Municipality ?? "", e.Municipality is null ? "true" : "false", Invariant(e.Capacity), Invariant(e.MeetupEventId),
                string.Join(';', e.Hosts.Select(h => h.Name)),
            ]);
    }

    public static void WriteTargets(string path)
    {
        using var writer = Open(path);
        WriteLine(writer, ',', ["dimension", "code", "share", "note"]);
        foreach (var (dimension, code, share) in ExampleTargets)
            WriteLine(writer, ',', [dimension, code, Invariant(share, "0.00"), ExampleTargetNote]);
    }

    public static void WriteMapping(string path)
    {
        var values = SavedMapping.GroupBy(m => m.Question)
            .ToDictionary(g => g.Key, g => g.ToDictionary(m => m.Answer, m => m.Code));
        File.WriteAllText(path, JsonSerializer.Serialize(new { values }, new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n", Utf8WithoutBom);
    }

    /// <summary>An event's attendee list the way Meetup's download writes it, in the classic or the newer layout.</summary>
    public static void WriteList(string path, SyntheticEvent e, IReadOnlyList<ListRow> rows)
    {
        // The classic export is tab-separated with US dates; the newer one is comma-separated with ISO dates.
        var separator = e.Classic ? '\t' : ',';
        var dateTimeFormat = e.Classic ? "M/d/yyyy H:mm" : "yyyy-MM-dd HH:mm";
        var dateFormat = e.Classic ? "M/d/yyyy" : "yyyy-MM-dd";
        using var writer = Open(path);
        WriteLine(writer, separator, [.. e.Classic ? ClassicColumns : AttendanceColumns, .. Questions]);
        var fields = new List<string>(17);
        foreach (var row in rows)
        {
            var person = row.Person;
            fields.Clear();
            fields.Add(person.MeetupName);
            if (!e.Classic) fields.Add(row.Attended ? "Y" : "");
            fields.AddRange(
            [
                row.UserIdOnlyInUrl ? "" : $"user {Invariant(person.MemberId)}",
                person.MeetupTitle,
                row.Role == RoleOrganiser ? "Yes" : "No",
                row.Rsvp,
                Invariant(row.Guests),
                Invariant(row.RespondedAt, dateTimeFormat),
                Invariant(person.JoinedGroup, dateFormat),
                $"https://www.meetup.com/members/{Invariant(person.MemberId)}/",
            ]);
            if (!e.Classic) fields.Add(row.Notes);
            fields.AddRange([row.SectorAnswer, row.ProfessionAnswer, row.OrganisationAnswer, row.MunicipalityAnswer, row.RoleAnswer, row.ConsentAnswer]);
            WriteLine(writer, separator, fields);
        }
    }

    private static StreamWriter Open(string path) => new(path, append: false, Utf8WithoutBom) { NewLine = "\n" };

    /// <summary>Quotes a field only where it holds the separator, a quote or a line break, as Meetup and spreadsheets do.</summary>
    private static void WriteLine(StreamWriter writer, char separator, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(separator);
            var value = fields[i];
            if (value.Contains(separator) || value.Contains('"') || value.Contains('\n') || value.Contains('\r'))
                writer.Write($"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            else
                writer.Write(value);
        }
        writer.Write('\n');
    }

    private static string Invariant(IFormattable value, string? format = null) => value.ToString(format, CultureInfo.InvariantCulture);
}
