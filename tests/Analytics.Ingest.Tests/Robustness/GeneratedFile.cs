using System.Globalization;
using System.Text;
using Analytics.Core.Organisations;
using Analytics.Ingest.Text;
using Analytics.Testing;

namespace Analytics.Ingest.Tests.Robustness;

/// <summary>
/// A random Meetup attendee list or Forms export drawn from a seeded <see cref="Random"/>: layout, separator, encoding,
/// line endings, number of rows, blank lines, blank and garbage cells, repeated people, unreadable RSVP, guests and dates,
/// personnummer, bad organisationsnummer and extra cells all vary. It knows which rows it spoiled, so a test can say
/// beforehand which rows the importer must reject, not just how many.
/// </summary>
internal sealed class GeneratedFile
{
    private static readonly string[] MeetupClassic =
        ["Name", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on", "URL of Member Profile"];
    private static readonly string[] MeetupNewer =
        ["Name", "Attendance", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on", "URL of Member Profile", "Notes"];
    private static readonly string[] Forms = ["ID", "Start time", "Completion time", "Email", "Name"];
    private static readonly string[] Questions =
    [
        "Vilken sektor arbetar du inom?", "Vilken är din yrkesroll?", "Vilken organisation kommer du från?",
        "I vilken kommun arbetar du?", "Vilken roll har du på träffen?", "Jag samtycker till att mina svar används för anonym statistik",
    ];

    private static readonly string[] Names = ["Anna Berg", "Åsa Öberg", "Sofia Hadžić", "Per B.", "Ali Yilmaz", "Märta Ström"];
    private static readonly string[] Sectors = ["Kommun", "Region", "Kommunal verksamhet", "Stat / statlig myndighet", "civilsamhalle", "Näringsliv", ""];
    private static readonly string[] Professions = ["Projektledare", "Design / UX", "Utredare, policy eller juridik", "Sjuksköterska", ""];
    private static readonly string[] Organisations =
        ["Göteborgs Stad", "Västra Götalandsregionen", "GU", "212000-1355", "Kvistbro Förändringsbyrå AB", "Borås Stad", ""];
    private static readonly string[] Municipalities = ["Göteborg", "1480", "Borås", "Goteborg ", "Stockholm", "utland", ""];
    private static readonly string[] Roles = ["Deltagare", "Talare", "Arrangör", ""];
    private static readonly string[] Consents = ["Ja", "Nej", "", "ja, gärna"];
    private static readonly string[] Emails = ["anna.berg@example.se", "bo.ek@example.se", "cia.lund@example.se", "dan.as@example.se"];
    private static readonly string[] BadOrganisationNumbers = ["212000-1354", "232100-0132", "2021005440"];

    private const string GarbageLetters = "abcdefghijklmnopqrstuvwxyzåäöÅÄÖéü";
    private const string GarbageMarks = " ,;\t\"'=+-@!?()[]{}/\\:*#%&\n";

    private enum Layout { MeetupClassic, MeetupNewer, Forms }

    private enum Spoil { None, Rsvp, Guests, Date, Personnummer, ExtraCells, OrganisationNumber, MissingId }

    private sealed record Line(string[] Cells, bool Spoiled, string? Person);

    public required string Description { get; init; }
    public required string FileName { get; init; }
    public required byte[] Content { get; init; }

    /// <summary>The data rows that are not blank: every one of them must be read.</summary>
    public required int Rows { get; init; }

    /// <summary>The row numbers (the header is row 1, as a spreadsheet counts) the importer must reject.</summary>
    public required IReadOnlyList<int> RejectedRows { get; init; }

    public static GeneratedFile Draw(Random random, int index)
    {
        var layout = Pick(random, Enum.GetValues<Layout>());
        var header = layout switch
        {
            Layout.MeetupClassic => [.. MeetupClassic, .. Questions],
            Layout.MeetupNewer => [.. MeetupNewer, .. Questions],
            _ => (string[])[.. Forms, .. Questions],
        };
        if (random.Next(5) == 0) header = [.. header.Select(h => h.ToUpperInvariant())];
        var usDates = random.Next(2) == 0;
        var count = random.Next(12) == 0 ? random.Next(200, 320) : random.Next(0, 40);
        var asXlsx = random.Next(4) == 0;

        // Every line with its row number; null cells stand for a blank line, which counts as a row but is skipped.
        var lines = new List<(int Number, Line? Line)>();
        for (var i = 0; i < count; i++)
        {
            if (!asXlsx && random.Next(15) == 0) lines.Add((lines.Count + 2, null));
            var earlier = lines.Where(l => l.Line is not null).ToList();
            var line = earlier.Count > 0 && random.Next(10) == 0
                ? earlier[random.Next(earlier.Count)].Line!
                : layout == Layout.Forms ? FormsLine(random, i) : MeetupLine(random, layout == Layout.MeetupNewer, usDates);
            lines.Add((lines.Count + 2, line));
        }

        var rejected = new List<int>();
        var people = new HashSet<string>();
        foreach (var (number, line) in lines)
            if (line is not null && (line.Spoiled || !people.Add(line.Person ?? $"row:{number}")))
                rejected.Add(number);

        var separator = Pick(random, ['\t', ',', ';']);
        var encoding = Pick(random, [new UTF8Encoding(false), new UTF8Encoding(true), TextSniffer.Windows1252, new UnicodeEncoding(false, true)]);
        var newline = random.Next(3) == 0 ? "\r\n" : "\n";
        var rows = lines.Select(l => l.Line?.Cells ?? (random.Next(2) == 0 ? [] : new string[header.Length]));
        return new GeneratedFile
        {
            Description = asXlsx
                ? $"file {index}: {layout} .xlsx with {count} rows"
                : $"file {index}: {layout} with {count} rows, separator {(int)separator}, {encoding.WebName}{(encoding.Preamble.Length > 0 ? " with BOM" : "")}",
            FileName = $"generated-{index}.{(asXlsx ? "xlsx" : "csv")}",
            Content = asXlsx
                ? FixtureFiles.Xlsx([.. rows.Where(r => r.Length > 0).Prepend(header)])
                : [.. encoding.Preamble, .. encoding.GetBytes(Delimited(rows.Prepend(header), separator, newline))],
            Rows = lines.Count(l => l.Line is not null),
            RejectedRows = rejected,
        };
    }

    private static Line MeetupLine(Random random, bool newer, bool usDates)
    {
        var member = random.Next(1, 30) * 7919;
        var identified = random.Next(6);
        var rsvpedOn = new DateTime(2026, 2, 1, 8, 0, 0).AddMinutes(random.Next(60 * 24 * 40));
        var cells = new Dictionary<string, string>
        {
            ["Name"] = random.Next(8) == 0 ? Garbage(random) : Pick(random, Names),
            ["Attendance"] = Pick(random, ["Y", "", "", "N", Garbage(random)]),
            ["User ID"] = identified is 0 or 1 or 2 ? $"user {member}" : "",
            ["Title"] = Pick(random, ["", "", "Co-Organizer", Garbage(random)]),
            ["Event Host"] = Pick(random, ["No", "No", "Yes", ""]),
            ["RSVP"] = Pick(random, ["Yes", "Yes", "Yes", "No", "Waitlist", ""]),
            ["Guests"] = Pick(random, ["0", "0", "1", "3", ""]),
            ["RSVPed on"] = random.Next(10) == 0 ? ""
                : rsvpedOn.ToString(usDates ? "M/d/yyyy H:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["Joined Group on"] = random.Next(10) == 0 ? Garbage(random) : rsvpedOn.AddDays(-random.Next(300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["URL of Member Profile"] = identified is 0 or 3 ? $"https://www.meetup.com/members/{member}/" : "",
            ["Notes"] = Pick(random, ["", "", "Tar med en kollega", Garbage(random)]),
        };
        string[] columns = [.. newer ? MeetupNewer : MeetupClassic];
        var spoil = random.Next(5) == 0
            ? Pick(random, [Spoil.Rsvp, Spoil.Guests, Spoil.Date, Spoil.Personnummer, Spoil.ExtraCells, Spoil.OrganisationNumber])
            : Spoil.None;
        if (spoil == Spoil.Rsvp) cells["RSVP"] = Pick(random, ["Kanske", "Maybe", "ja kanske"]);
        if (spoil == Spoil.Guests) cells["Guests"] = Pick(random, ["många", "-1", "51", "2,5"]);
        if (spoil == Spoil.Date) cells["RSVPed on"] = Pick(random, ["igår kväll", "2026-02-30 10:00", "snart"]);
        var line = Finish(random, [.. columns.Select(c => cells[c])], spoil);
        return line with { Person = identified is 0 or 1 or 2 or 3 ? $"member:{member}" : null };
    }

    private static Line FormsLine(Random random, int index)
    {
        var completed = new DateTime(2026, 10, 8, 13, 0, 0).AddSeconds(random.Next(3600));
        var email = Pick(random, [.. Emails, "anonymous", "anonymous", ""]);
        var spoil = random.Next(5) == 0
            ? Pick(random, [Spoil.MissingId, Spoil.Personnummer, Spoil.ExtraCells, Spoil.OrganisationNumber])
            : Spoil.None;
        var id = spoil == Spoil.MissingId ? "" : (index + 1).ToString(CultureInfo.InvariantCulture);
        string[] cells =
        [
            id, completed.AddSeconds(-40).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            random.Next(10) == 0 ? Garbage(random) : completed.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            email, email.Contains('@') ? Pick(random, Names) : "",
        ];
        return Finish(random, cells, spoil) with { Person = email.Contains('@') ? $"email:{email}" : $"response:{id}" };
    }

    /// <summary>Adds the answers (a few of them too long to keep), harmless trailing cells, and the row's spoil.</summary>
    private static Line Finish(Random random, string[] cells, Spoil spoil)
    {
        string[] answers =
        [
            Answer(random, Sectors), Answer(random, Professions),
            spoil == Spoil.OrganisationNumber ? Pick(random, BadOrganisationNumbers) : Answer(random, Organisations),
            Answer(random, Municipalities), Answer(random, Roles), Answer(random, Consents),
        ];
        string[] row = [.. cells, .. answers];
        if (spoil == Spoil.Personnummer)
        {
            var column = random.Next(row.Length);
            row[column] = random.Next(2) == 0 ? Personnummer(random) : $"{Garbage(random)} {Personnummer(random)}";
        }
        if (spoil == Spoil.ExtraCells) row = [.. row, .. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Garbage(random))];
        else if (random.Next(8) == 0) row = [.. row, "", ""];
        // An answer longer than the database keeps spoils its row too; the consent answer is only read, never kept.
        return new Line(row, spoil != Spoil.None || answers[..^1].Any(a => a.Trim().Length > 200), null);
    }

    private static string Answer(Random random, string[] choices) => random.Next(12) switch
    {
        0 => Garbage(random),
        1 when random.Next(4) == 0 => Garbage(random, random.Next(250, 400)),
        _ => Pick(random, choices),
    };

    /// <summary>A valid personnummer or samordningsnummer, written in one of the ways people write them.</summary>
    public static string Personnummer(Random random)
    {
        var born = new DateTime(1940, 1, 1).AddDays(random.Next(365 * 65));
        var day = born.Day + (random.Next(4) == 0 ? 60 : 0);
        var body = $"{born:yyMM}{day:00}{random.Next(1000):000}";
        var digits = body + Luhn.CheckDigit(body);
        return random.Next(4) switch
        {
            0 => digits,
            1 => $"{digits[..6]}-{digits[6..]}",
            2 => $"{born:yyyy}{digits[2..]}",
            _ => $"{born:yyyy}{digits[2..6]}-{digits[6..]}",
        };
    }

    /// <summary>Text with letters, quotes, separators and line breaks but no digits, so it cannot look like any number.</summary>
    private static string Garbage(Random random, int? length = null)
    {
        var text = new StringBuilder().Append(GarbageLetters[random.Next(GarbageLetters.Length)]);
        for (var i = 1; i < (length ?? random.Next(1, 30)); i++)
            text.Append(random.Next(3) == 0 ? GarbageMarks[random.Next(GarbageMarks.Length)] : GarbageLetters[random.Next(GarbageLetters.Length)]);
        if (random.Next(20) == 0) text.Append("😀");
        return text.ToString();
    }

    private static string Delimited(IEnumerable<string?[]> rows, char separator, string newline)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(separator, row.Select(c => Quote(c ?? "", separator)))).Append(newline);
        return text.ToString();
    }

    private static string Quote(string cell, char separator) =>
        cell.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;

    private static T Pick<T>(Random random, T[] choices) => choices[random.Next(choices.Length)];
}
