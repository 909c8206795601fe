using System.Globalization;
using System.Text;
using Analytics.Ingest;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Tests.Meetup;
using Analytics.Ingest.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Testing;

/// <summary>One person's answers to the five questions, as they typed or picked them.</summary>
internal sealed record FixtureAnswers(string Sector, string Profession, string Organisation, string Municipality, string Consent);

/// <summary>What a consenting person's answers become in the database: codes, and the known organisation's name.</summary>
internal sealed record FixtureProfile(string? Sector, string? Profession, string? Organisation, string? Municipality);

/// <summary>A fictional person who appears in every fixture, answering in Swedish or (on an English form) in English.</summary>
internal sealed record FixturePerson(string FirstName, string LastName, int MemberId, bool Attended, FixtureAnswers Swedish,
    FixtureAnswers English, FixtureProfile Profile)
{
    public string Name => $"{FirstName} {LastName}";

    public string Email =>
        new string([.. $"{FirstName}.{LastName}".ToLowerInvariant().Normalize(NormalizationForm.FormD).Where(c => char.IsAsciiLetter(c) || c == '.')])
        + "@example.se";

    public bool Consents => Swedish.Consent == "Ja";
}

/// <summary>How a format tells one person's rows apart.</summary>
internal enum FixtureKey
{
    MeetupMember,
    Email,
    None,
}

/// <summary>A file as an organiser has it, with what the importer should make of it.</summary>
internal sealed record Fixture(string FileName, string Kind, byte[] Bytes)
{
    public required IReadOnlyList<FixturePerson> People { get; init; }

    /// <summary>The columns the import should report (question code → header), as in <see cref="ImportResult.Columns"/>.</summary>
    public required IReadOnlyDictionary<string, string> Columns { get; init; }
    public required FixtureKey Key { get; init; }
    public bool TellsAttendance { get; init; }
    public bool English { get; init; }
    public ImportMapping Mapping { get; init; } = ImportMapping.Empty;

    public FixtureAnswers AnswersOf(FixturePerson person) => English ? person.English : person.Swedish;

    public MemoryStream Open() => new(Bytes, writable: false);

    public ITable Table()
    {
        var content = Open();
        return FileChecks.IsZip(content) ? new XlsxTable(content) : new DelimitedTable(content);
    }

    public InputFormat Format => InputFormats.All.Single(f => f.Kind == Kind);

    /// <summary>The rows as the fixture's own format reads them.</summary>
    public List<SourceRow> Rows()
    {
        using var table = Table();
        return [.. Format.Read(table, Mapping)];
    }

    public override string ToString() => FileName;
}

/// <summary>
/// Writes one file per format in the shape organisers really have: Meetup's two layouts (tab, and comma with a byte
/// order mark), a Meetup Pro export, Microsoft Forms .xlsx, Google Forms CSV in Swedish and English locale, a table that
/// Swedish Excel saved as semicolon CSV in Windows-1252, and a plain .xlsx whose organiser mapped one column. Every
/// file carries å, ä and ö in names, questions and answers.
/// </summary>
internal static class FixtureFiles
{
    public const string EventSlug = "2026-10-08-traff-testfiler";
    public const string EventTitle = "Träff för testfiler";
    public static readonly DateTime EventStartsLocal = new(2026, 10, 8, 9, 0, 0);

    public const string Sector = "Vilken sektor arbetar du inom?";
    public const string Profession = "Vilken är din yrkesroll?";
    public const string Organisation = "Vilken organisation kommer du från?";
    public const string Municipality = "I vilken kommun arbetar du?";
    public const string Role = "Vilken roll har du på träffen?";
    public const string Consent = "Jag samtycker till att mina svar används för anonym statistik";

    /// <summary>Answers that match no category or organisation; the import lists them, spelled as written.</summary>
    public const string UnmappedSector = "Fristående tänkare";
    public const string UnmappedOrganisation = "Kvistbro Förändringsbyrå AB";

    public static readonly IReadOnlyList<FixturePerson> People =
    [
        new("Åsa", "Öberg", 70001, true,
            new("Näringsliv", "Tjänstedesigner", UnmappedOrganisation, "Göteborg", "Ja"),
            new("Business", "Designer", UnmappedOrganisation, "Göteborg", "Yes"),
            new("naringsliv", "design-ux", null, "1480")),
        new("Märta", "Ängström", 70002, true,
            new("Civilsamhälle", "Kommunikatör", "Göteborgs Stadsmission", "Mölndal", "Ja"),
            new("Civil society", "Communicator", "Göteborgs Stadsmission", "Mölndal", "Yes"),
            new("civilsamhalle", "kommunikation", "Göteborgs Stadsmission", "1481")),
        new("Björn", "Åkesson", 70003, true,
            new("Kommun", "Projektledare", "Åmåls kommun", "Åmål", "Ja"),
            new("Municipality", "Project manager", "Åmåls kommun", "Åmål", "Yes"),
            new("kommun", "projektledning", "Åmåls kommun", "1492")),
        new("Göran", "Lindström", 70004, true,
            new("Stat", "Utredare", "Länsstyrelsen i Västra Götalands län", "Göteborg", "Nej"),
            new("Central government", "Policy", "Länsstyrelsen i Västra Götalands län", "Göteborg", "No"),
            new(null, null, null, null)),
        new("Sofia", "Nyström", 70005, true,
            new(UnmappedSector, "Verksamhetsutvecklare", "Högskolan i Borås", "Borås", "Ja"),
            new(UnmappedSector, "Business developer", "Högskolan i Borås", "Borås", "Yes"),
            new(null, "verksamhetsutveckling", "Högskolan i Borås", "1490")),
        new("Ingvar", "Ålund", 70006, false,
            new("Region", "Chef", "Västra Götalandsregionen", "Vänersborg", "Ja"),
            new("Region", "Manager", "Västra Götalandsregionen", "Vänersborg", "Yes"),
            new("region", "ledning", "Västra Götalandsregionen", "1487")),
    ];

    /// <summary>Those who came, and so answered a check-in form.</summary>
    private static IReadOnlyList<FixturePerson> CheckedIn => [.. People.Where(p => p.Attended)];

    private static readonly Dictionary<string, string> SwedishColumns = new()
    {
        ["sector"] = Sector, ["profession"] = Profession, ["organisation"] = Organisation, ["municipality"] = Municipality, ["consent"] = Consent,
    };

    public static readonly IReadOnlyList<Fixture> All =
    [
        MeetupClassic(), MeetupNewer(), MeetupPro(), MicrosoftForms(), GoogleFormsSwedish(), GoogleFormsEnglish(),
        SwedishExcelCsv(), GenericXlsx(),
    ];

    public static Fixture Named(string fileName) => All.Single(f => f.FileName == fileName);

    public static TheoryData<string> Names => [.. All.Select(f => f.FileName)];

    /// <summary>The classic attendee list: tab separated, UTF-8 without byte order mark, US dates, no attendance.</summary>
    private static Fixture MeetupClassic() => new("meetup-klassisk.tsv", "meetup",
        Utf8(MeetupListFile.Classic([.. People.Select(p => MeetupAttendee(p, "9/20/2026 17:30"))]).Text()))
    {
        People = People, Columns = MeetupColumns, Key = FixtureKey.MeetupMember,
    };

    /// <summary>The newer attendee list: comma separated with Attendance, ISO dates, saved with a byte order mark.</summary>
    private static Fixture MeetupNewer() => new("meetup-ny.csv", "meetup",
        Utf8WithBom(MeetupListFile.Newer([.. People.Select(p => MeetupAttendee(p, "2026-09-20 17:30") with { Attendance = p.Attended ? "Y" : "" })]).Text()))
    {
        People = People, Columns = MeetupColumns, Key = FixtureKey.MeetupMember, TellsAttendance = true,
    };

    private static Dictionary<string, string> MeetupColumns => new(SwedishColumns) { ["role"] = Role };

    private static Attendee MeetupAttendee(FixturePerson person, string rsvpedOn) => Attendee.Member(person.Name, person.MemberId) with
    {
        Title = "Förändringsledare på Hisingen", RsvpedOn = rsvpedOn, Sector = person.Swedish.Sector, Profession = person.Swedish.Profession,
        Organisation = person.Swedish.Organisation, Municipality = person.Swedish.Municipality, Consent = person.Swedish.Consent,
    };

    /// <summary>Meetup Pro quotes every field and writes updatedAt in UTC; its organisation is a profile field, not a question.</summary>
    private static Fixture MeetupPro()
    {
        string[] header = ["updatedAt", "chapter.name", "event.title", "First name", "Last name", "Organization name", Sector, Profession, Municipality, Consent];
        var rows = People.Select((p, i) => new[]
        {
            $"2026-09-{20 + i}T14:03:11.000Z", "One Team Gov Västsverige", EventTitle, p.FirstName, p.LastName, p.Swedish.Organisation,
            p.Swedish.Sector, p.Swedish.Profession, p.Swedish.Municipality, p.Swedish.Consent,
        });
        return new("meetup-pro-registreringar.csv", "meetup-pro", Utf8(Delimited(',', header, rows, quoteAll: true)))
        {
            People = People, Key = FixtureKey.None,
            Columns = new Dictionary<string, string>(SwedishColumns) { ["organisation"] = "Organization name" },
        };
    }

    /// <summary>Microsoft Forms' own Excel export: times as date serials, e-mail and name only for signed-in respondents.</summary>
    private static Fixture MicrosoftForms()
    {
        object[] header = ["ID", "Start time", "Completion time", "Email", "Name", Sector, Profession, Organisation, Municipality, Consent];
        var rows = CheckedIn.Select((p, i) =>
        {
            var signedIn = i % 2 == 0;
            var completed = EventStartsLocal.AddMinutes(5 + i).ToOADate();
            return new object[]
            {
                i + 1, completed - 1.0 / 1440, completed, signedIn ? p.Email : "anonymous", signedIn ? p.Name : "",
                p.Swedish.Sector, p.Swedish.Profession, p.Swedish.Organisation, p.Swedish.Municipality, p.Swedish.Consent,
            };
        });
        return new("forms-incheckning.xlsx", "forms", Xlsx([header, .. rows]))
        {
            People = CheckedIn, Columns = SwedishColumns, Key = FixtureKey.Email, TellsAttendance = true,
        };
    }

    /// <summary>Google Forms' CSV download in Swedish locale: every field quoted, ISO timestamps, e-mail collected.</summary>
    private static Fixture GoogleFormsSwedish()
    {
        string[] header = ["Tidstämpel", "E-postadress", Sector, Profession, Organisation, Municipality, Consent];
        var rows = CheckedIn.Select((p, i) => new[]
        {
            EventStartsLocal.AddMinutes(14 + i).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), p.Email,
            p.Swedish.Sector, p.Swedish.Profession, p.Swedish.Organisation, p.Swedish.Municipality, p.Swedish.Consent,
        });
        return new("google-formular-sv.csv", "google-forms", Utf8(Delimited(',', header, rows, quoteAll: true)))
        {
            People = CheckedIn, Columns = SwedishColumns, Key = FixtureKey.Email, TellsAttendance = true,
        };
    }

    /// <summary>Google Forms in English locale: year-first 12-hour timestamps with their GMT offset, no e-mail collected.</summary>
    private static Fixture GoogleFormsEnglish()
    {
        var questions = new Dictionary<string, string>
        {
            ["sector"] = "Which sector do you work in?", ["profession"] = "What is your profession?",
            ["organisation"] = "Which organisation are you from?", ["municipality"] = "Which municipality do you work in?",
            ["consent"] = "I consent to my answers being used for anonymous statistics",
        };
        string[] header = ["Timestamp", .. questions.Values];
        var rows = CheckedIn.Select((p, i) => new[]
        {
            $"2026/10/08 9:{14 + i}:03 AM GMT+2", p.English.Sector, p.English.Profession, p.English.Organisation, p.English.Municipality,
            p.English.Consent,
        });
        return new("google-forms-en.csv", "google-forms", Utf8(Delimited(',', header, rows, quoteAll: true)))
        {
            People = CheckedIn, Columns = questions, Key = FixtureKey.None, TellsAttendance = true, English = true,
        };
    }

    /// <summary>
    /// An organiser's own list, saved by Swedish Excel as "CSV (semikolonavgränsad)": Windows-1252, CRLF, a decimal comma
    /// in a cost column, names beside the answers.
    /// </summary>
    private static Fixture SwedishExcelCsv()
    {
        string[] header = ["Förnamn", "Efternamn", "E-post", "Deltog", "Gäster", Sector, Profession, Organisation, Municipality, "Resekostnad (kr)", Consent];
        var rows = People.Select((p, i) => new[]
        {
            p.FirstName, p.LastName, p.Email, p.Attended ? "Ja" : "Nej", (i % 3).ToString(CultureInfo.InvariantCulture),
            p.Swedish.Sector, p.Swedish.Profession, p.Swedish.Organisation, p.Swedish.Municipality,
            (112.5m + i).ToString("0.00", CultureInfo.GetCultureInfo("sv-SE")), p.Swedish.Consent,
        });
        return new("deltagare-excel.csv", "csv", TextSniffer.Windows1252.GetBytes(Delimited(';', header, rows, quoteAll: false, newLine: "\r\n")))
        {
            People = People, Columns = SwedishColumns, Key = FixtureKey.Email, TellsAttendance = true,
        };
    }

    /// <summary>A hand-made .xlsx with short headers, one of which the organiser mapped, attendance as x and guests as numbers.</summary>
    private static Fixture GenericXlsx()
    {
        const string job = "Vad jobbar du med?";
        object[] header = ["Namn", "Mejl", "Närvaro", "Gäster", Sector, job, "Organisation", "Kommun", "Samtycke till statistik"];
        var rows = People.Select((p, i) => new object[]
        {
            p.Name, p.Email, p.Attended ? "x" : "", i % 2, p.Swedish.Sector, p.Swedish.Profession, p.Swedish.Organisation,
            p.Swedish.Municipality, p.Swedish.Consent,
        });
        return new("deltagarlista.xlsx", "csv", Xlsx([header, .. rows]))
        {
            People = People, Key = FixtureKey.Email, TellsAttendance = true,
            Mapping = ImportMapping.Parse($$"""{ "columns": { "{{job}}": "profession" } }"""),
            Columns = new Dictionary<string, string>
            {
                ["sector"] = Sector, ["profession"] = job, ["organisation"] = "Organisation", ["municipality"] = "Kommun",
                ["consent"] = "Samtycke till statistik",
            },
        };
    }

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.Preamble, .. Utf8(text)];

    /// <summary>Delimited text; a field is quoted when asked to or when it holds the separator, a quote or a line break.</summary>
    public static string Delimited(char separator, IEnumerable<string> header, IEnumerable<string[]> rows, bool quoteAll, string newLine = "\n")
    {
        var text = new StringBuilder();
        foreach (var fields in rows.Prepend([.. header]))
            text.Append(string.Join(separator, fields.Select(f => Quote(f, separator, quoteAll)))).Append(newLine);
        return text.ToString();
    }

    private static string Quote(string field, char separator, bool always) =>
        always || field.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;

    /// <summary>A one-sheet workbook: text as shared strings, numbers as numbers, empty text as no cell at all.</summary>
    public static byte[] Xlsx(IReadOnlyList<object[]> rows)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var strings = new List<string>();
            var sheetData = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case string { Length: 0 }:
                            break;
                        case string text:
                            if (!strings.Contains(text)) strings.Add(text);
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(text)) });
                            break;
                        case int number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                            break;
                        case double number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                            break;
                    }
                }
                sheetData.Append(row);
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(sheetData);
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable =
                new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Blad1", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }
        return memory.ToArray();
    }
}
