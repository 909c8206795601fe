namespace Analytics.SampleData;

using static Taxonomy;

/// <param name="Weight">How many network members the organisation has, relative to the others in its sector.</param>
/// <param name="AnswerVariants">Other ways members spell the name when they answer the free-text question.</param>
sealed record Organisation(
    string Name, string Sector, string Municipality, string? OrganisationNumber, int Weight, params string[] AnswerVariants);

enum AttendeeList { MeetupClassic, MeetupWithAttendance, Forms }

/// <param name="Municipality">SCB kommunkod, or null for an online event.</param>
/// <param name="Demand">How many want a place (RSVP yes or waitlist), organisers and speakers included.</param>
/// <param name="GuestSpeaker">An organisation whose only member in the pool comes as a speaker to this event.</param>
sealed record EventDefinition(
    string Slug, string Title, DateTime Starts, DateTime Ends, string Format, string? Municipality, int Capacity,
    int Demand, AttendeeList List, string[] Hosts, string? GuestSpeaker = null)
{
    public bool Online => Municipality is null;
    public bool Planned => Starts > Catalogue.Today;
    public bool AttendanceKnown => !Planned && List != AttendeeList.MeetupClassic;

    // Meetup numbers events as they are created, so later events get larger ids; the Forms-only event has none.
    public long? MeetupEventId => List == AttendeeList.Forms
        ? null
        : 311_204_517 + (long)(Starts - Catalogue.GroupFounded).TotalDays * 3_517 + Starts.Hour * 61;
}

static class Catalogue
{
    /// <summary>The generator tells the story as seen on this day: later events are planned, with registrations only.</summary>
    public static readonly DateTime Today = new(2026, 11, 26, 10, 0, 0);

    public static readonly DateTime GroupFounded = new(2025, 9, 15);

    public const string Vgr = "Västra Götalandsregionen";
    public const string Goteborg = "Göteborgs Stad";
    public const string Boras = "Borås Stad";
    public const string Trollhattan = "Trollhättans Stad";
    public const string Skovde = "Skövde kommun";
    public const string Uddevalla = "Uddevalla kommun";
    public const string Lidkoping = "Lidköpings kommun";
    public const string Gr = "Göteborgsregionen";
    public const string Lansstyrelsen = "Länsstyrelsen i Västra Götalands län";
    public const string Gu = "Göteborgs universitet";
    public const string HogskolanVast = "Högskolan Väst";
    public const string Coompanion = "Coompanion Göteborg";
    public const string Oecd = "OECD Observatory of Public Sector Innovation";
    public const string OneTeamGovUk = "One Team Gov UK";

    // Organisation numbers are given only where they were checked against a public source; Program drops any that fail Luhn.
    public static readonly Organisation[] Organisations =
    [
        new(Vgr, Region, "1487", "232100-0131", 60, "VGR", "Västra götalandsregionen"),

        new(Goteborg, Kommun, "1480", "212000-1355", 45, "Göteborgs stad", "Göteborgs Stad, stadsledningskontoret"),
        new(Boras, Kommun, "1490", "212000-1561", 14, "Borås stad"),
        new(Trollhattan, Kommun, "1488", null, 12, "Trollhättans stad"),
        new("Mölndals stad", Kommun, "1481", null, 8),
        new(Skovde, Kommun, "1496", null, 10),
        new(Uddevalla, Kommun, "1485", null, 9),
        new("Alingsås kommun", Kommun, "1489", null, 6),
        new("Kungälvs kommun", Kommun, "1482", null, 6),
        new("Vänersborgs kommun", Kommun, "1487", null, 5),
        new(Lidkoping, Kommun, "1494", null, 6),
        new("Lerums kommun", Kommun, "1441", null, 4),
        new("Partille kommun", Kommun, "1402", null, 4),
        new("Härryda kommun", Kommun, "1401", null, 4),
        new("Kungsbacka kommun", Kommun, "1384", null, 5),
        new("Stenungsunds kommun", Kommun, "1415", null, 3),
        new("Ale kommun", Kommun, "1440", null, 3),
        new("Falköpings kommun", Kommun, "1499", null, 3),
        new("Mariestads kommun", Kommun, "1493", null, 3),
        new("Ulricehamns kommun", Kommun, "1491", null, 2),
        new("Marks kommun", Kommun, "1463", null, 2),
        new("Strömstads kommun", Kommun, "1486", null, 2),
        new("Tanums kommun", Kommun, "1435", null, 1),
        new("Åmåls kommun", Kommun, "1492", null, 1),
        new("Tidaholms kommun", Kommun, "1498", null, 1),

        new(Gr, KommunalSamverkan, "1480", null, 10, "GR"),
        new("Business Region Göteborg", KommunalSamverkan, "1480", null, 3, "BRG"),
        new("Västtrafik", KommunalSamverkan, "1480", "556558-5873", 4),
        new("Renova", KommunalSamverkan, "1480", null, 2),
        new("Förvaltnings AB Framtiden", KommunalSamverkan, "1480", null, 2, "Framtiden"),
        new("Göteborg Energi", KommunalSamverkan, "1480", null, 2),
        new("Fyrbodals kommunalförbund", KommunalSamverkan, "1485", null, 2),
        new("Skaraborgs kommunalförbund", KommunalSamverkan, "1496", null, 2),
        new("Boråsregionen Sjuhärads kommunalförbund", KommunalSamverkan, "1490", null, 2),
        new("Sveriges Kommuner och Regioner", KommunalSamverkan, "0180", "222000-0315", 3, "SKR"),
        new("Inera", KommunalSamverkan, "0180", null, 2),
        new("Adda", KommunalSamverkan, "0180", null, 1),

        new("Försäkringskassan", Stat, "0180", "202100-5521", 6),
        new("Skatteverket", Stat, "0184", "202100-5448", 6),
        new(Lansstyrelsen, Stat, "1480", null, 7, "Länsstyrelsen Västra Götaland"),
        new("Trafikverket", Stat, "2081", "202100-6297", 4),
        new("Arbetsförmedlingen", Stat, "0180", "202100-2114", 5),
        new("Lantmäteriet", Stat, "2180", "202100-4888", 3),
        new("Polismyndigheten", Stat, "0180", "202100-0076", 3),
        new("Myndigheten för digital förvaltning", Stat, "2281", "202100-6883", 3, "Digg"),
        new("Migrationsverket", Stat, "0581", "202100-2163", 2),
        new("Kriminalvården", Stat, "0581", "202100-0225", 2),
        new("Havs- och vattenmyndigheten", Stat, "1480", "202100-6420", 2),
        new("Jämställdhetsmyndigheten", Stat, "1480", "202100-6693", 2),
        new("Inspektionen för socialförsäkringen", Stat, "1480", "202100-6248", 1),
        new("Statistiska centralbyrån", Stat, "0180", null, 1, "SCB"),

        new(Gu, Akademi, "1480", "202100-3153", 14, "GU", "Göteborgs Universitet"),
        new("Chalmers tekniska högskola", Akademi, "1480", "556479-5598", 8, "Chalmers"),
        new("Högskolan i Borås", Akademi, "1490", null, 5),
        new(HogskolanVast, Akademi, "1488", null, 5),
        new("Högskolan i Skövde", Akademi, "1496", null, 4),
        new("RISE Research Institutes of Sweden", Akademi, "1490", null, 3, "RISE"),

        new("Göteborgs Stadsmission", Civilsamhalle, "1480", null, 3),
        new("Räddningsmissionen", Civilsamhalle, "1480", null, 2),
        new("Svenska Röda Korset", Civilsamhalle, "0180", "802002-8711", 2, "Röda korset"),
        new(Coompanion, Civilsamhalle, "1480", null, 3),
        new("Studieförbundet Vuxenskolan", Civilsamhalle, "0180", null, 2),
        new("ABF Göteborg", Civilsamhalle, "1480", null, 2),
        new("Hyresgästföreningen", Civilsamhalle, "0180", null, 1),
        new("Funktionsrätt Göteborg", Civilsamhalle, "1480", null, 1),

        new("Volvo Cars", Naringsliv, "1480", "556074-3089", 3),
        new("Ericsson", Naringsliv, "0180", "556016-0680", 3),
        new("AFRY", Naringsliv, "0180", null, 3),
        new("Knowit", Naringsliv, "0180", null, 3),
        new("Sigma Technology", Naringsliv, "0180", null, 2),
        new("Combitech", Naringsliv, "0580", null, 2),
        new("Capgemini", Naringsliv, "0180", null, 2),
        new("Netlight", Naringsliv, "0180", null, 2),
        new("Nexer", Naringsliv, "1480", null, 2),
        new("Zenseact", Naringsliv, "1480", null, 1),
        new("SKF", Naringsliv, "1480", null, 1),

        new(Oecd, Internationellt, Abroad, null, 0, "OECD OPSI"),
        new(OneTeamGovUk, Internationellt, Abroad, null, 0),
    ];

    /// <summary>Invented organisations that appear only in the answers, late in the story, so the importer meets unknown names.</summary>
    public static readonly Organisation[] Uncatalogued =
    [
        new("Kvistbro Förändringsbyrå AB", Naringsliv, "1480", null, 3),
        new("Tångudden Tjänstedesign", Naringsliv, "1485", null, 3),
        new("Föreningen Hallonbacken Invånarråd", Civilsamhalle, "1490", null, 4),
    ];

    public static readonly EventDefinition[] Events =
    [
        Held("2025-10-09", "forstudie-ett-team-i-vast", "Förstudie: ett team för offentlig sektor i väst",
            "13:00", "16:00", "workshop", "1480", 30, 24, AttendeeList.MeetupClassic, Vgr, Goteborg),
        Held("2025-10-23", "workshop-trollhattan", "Workshop: vilka gränser vill vi riva?",
            "13:00", "16:00", "workshop", "1488", 25, 19, AttendeeList.MeetupClassic, Vgr, Trollhattan, HogskolanVast),
        Held("2025-11-06", "digitalt-uppstartsmote", "Digitalt uppstartsmöte: vad är One Team Gov?",
            "12:00", "13:00", "forelasning", null, 150, 48, AttendeeList.MeetupClassic, Vgr),
        Held("2025-11-20", "workshop-principerna-boras", "Workshop: de sju principerna på svenska",
            "09:00", "12:00", "workshop", "1490", 30, 26, AttendeeList.MeetupClassic, Vgr, Goteborg, Boras),
        Held("2025-12-04", "forankring-skaraborg", "Förankring i Skaraborg: behov, idéer och nästa steg",
            "13:00", "16:00", "workshop", "1496", 25, 20, AttendeeList.MeetupClassic, Vgr, Goteborg, Skovde),

        // The first meeting uses the newer export so that its attendance (48 of 64) is known.
        Held("2026-03-23", "forsta-motet", "Första mötet: One Team Gov Västsverige",
            "17:00", "19:30", "natverksmote", "1480", 80, 64, AttendeeList.MeetupWithAttendance, Vgr, Goteborg, Gr),
        Held("2026-04-08", "tjanstedesign-i-praktiken", "Tjänstedesign i praktiken",
            "13:00", "16:00", "workshop", "1490", 30, 28, AttendeeList.MeetupClassic, Boras),
        Held("2026-04-16", "ai-i-offentlig-forvaltning", "AI i offentlig förvaltning – vad vågar vi?",
            "12:00", "13:00", "forelasning", null, 200, 88, AttendeeList.MeetupClassic, Vgr),
        Held("2026-04-22", "traff-alingsas", "Träff i Alingsås: medborgardialog som fungerar",
            "17:00", "19:00", "traff", "1489", 30, 22, AttendeeList.MeetupClassic, Gr),
        Held("2026-04-28", "natverksmote-trollhattan", "Nätverksmöte: samverkan över kommungränser",
            "13:00", "16:00", "natverksmote", "1488", 40, 32, AttendeeList.MeetupClassic, Trollhattan, HogskolanVast),
        Held("2026-05-07", "lunchforelasning-oppna-data", "Lunchföreläsning: öppna data som gemensam infrastruktur",
            "12:00", "13:00", "forelasning", null, 150, 54, AttendeeList.MeetupClassic, Gr),
        Held("2026-05-13", "traff-skovde", "Träff i Skövde: digitalisering i mindre kommuner",
            "17:00", "19:00", "traff", "1496", 30, 21, AttendeeList.MeetupClassic, Skovde),
        Held("2026-05-20", "offentliga-rummet-gastforelasning", "Offentliga rummet 2026: gästföreläsning om innovation i offentlig sektor",
            "13:00", "15:00", "konferens", "1480", 150, 122, AttendeeList.MeetupClassic, Vgr, Goteborg, Lansstyrelsen)
            with { GuestSpeaker = Oecd },
        Held("2026-06-03", "natverksmote-uddevalla", "Nätverksmöte Fyrbodal: ett team från idé till tjänst",
            "13:00", "16:00", "natverksmote", "1485", 35, 27, AttendeeList.MeetupClassic, Uddevalla),
        Held("2026-06-11", "civilsamhallet-och-kommunen", "Träff: civilsamhället och kommunen, partnerskap på riktigt",
            "17:00", "19:00", "traff", "1480", 40, 36, AttendeeList.MeetupClassic, Goteborg, Coompanion),
        Held("2026-06-17", "digital-fika-varen", "Digital fika: vad har vi lärt oss i vår?",
            "09:00", "10:00", "traff", null, 100, 31, AttendeeList.MeetupClassic, Vgr),

        Held("2026-08-20", "uppstart-hosten", "Höstens uppstart: ett team, många organisationer",
            "17:00", "19:30", "traff", "1480", 60, 47, AttendeeList.MeetupWithAttendance, Goteborg),
        Held("2026-08-27", "workshop-klarsprak", "Workshop: klarspråk i digitala tjänster",
            "09:00", "12:00", "workshop", "1481", 25, 30, AttendeeList.MeetupWithAttendance, Gr),
        Held("2026-09-03", "forskning-moter-praktik", "Forskning möter praktik: att mäta tillit",
            "15:00", "17:00", "forelasning", "1480", 80, 56, AttendeeList.MeetupWithAttendance, Gu),
        Held("2026-09-10", "natverksmote-boras", "Nätverksmöte Sjuhärad: gemensam service",
            "13:00", "16:00", "natverksmote", "1490", 40, 29, AttendeeList.MeetupWithAttendance, Boras),
        Held("2026-09-17", "ai-och-offentlighetsprincipen", "AI och juridiken: offentlighetsprincipen möter språkmodellerna",
            "12:00", "13:00", "forelasning", null, 200, 74, AttendeeList.MeetupWithAttendance, Lansstyrelsen, Vgr),
        Held("2026-09-24", "traff-lidkoping", "Träff i Lidköping: tillsammans för landsbygden",
            "17:00", "19:00", "traff", "1494", 30, 22, AttendeeList.MeetupWithAttendance, Lidkoping),
        Held("2026-09-29", "workshop-e-tjanster-kungsbacka", "Workshop: gemensamma e-tjänster i Göteborgsregionen",
            "09:00", "12:00", "workshop", "1384", 30, 25, AttendeeList.MeetupWithAttendance, Gr),
        Held("2026-10-01", "principerna-med-one-team-gov-uk", "One Team Gov-principerna i praktiken – samtal med One Team Gov UK",
            "12:00", "13:00", "forelasning", null, 200, 62, AttendeeList.MeetupWithAttendance, Vgr)
            with { GuestSpeaker = OneTeamGovUk },
        // Announced on posters only; people checked in with a QR code to a Microsoft Forms form.
        Held("2026-10-08", "workshop-invanarresan", "Workshop: invånarresan i fokus",
            "09:00", "12:00", "workshop", "1489", 50, 46, AttendeeList.Forms, Gr, Coompanion),
        Held("2026-10-14", "natverksmote-kungalv", "Nätverksmöte: innovation i välfärden",
            "13:00", "16:00", "natverksmote", "1482", 40, 33, AttendeeList.MeetupWithAttendance, Gr),
        Held("2026-10-21", "lunchforelasning-tillganglighet", "Lunchföreläsning: tillgänglighet är allas ansvar",
            "12:00", "13:00", "forelasning", null, 200, 66, AttendeeList.MeetupWithAttendance, Goteborg),
        Held("2026-10-29", "traff-vanersborg", "Träff i Vänersborg: regionen och kommunerna i samma rum",
            "17:00", "19:00", "traff", "1487", 35, 30, AttendeeList.MeetupWithAttendance, Vgr),
        Held("2026-11-05", "workshop-oppna-data-mobilitet", "Workshop: öppna data för hållbar mobilitet",
            "09:00", "16:00", "workshop", "1480", 40, 46, AttendeeList.MeetupWithAttendance, Gu, Goteborg),
        Held("2026-11-12", "natverksmote-skaraborg", "Nätverksmöte Skaraborg: kompetensförsörjning över gränser",
            "13:00", "16:00", "natverksmote", "1496", 35, 25, AttendeeList.MeetupWithAttendance, Skovde),
        Held("2026-11-19", "hostkonferens-ett-team-i-vast", "Ett team i väst: höstkonferens 2026",
            "09:00", "16:00", "konferens", "1480", 120, 126, AttendeeList.MeetupWithAttendance, Vgr, Goteborg, Lansstyrelsen),
        Held("2026-11-24", "digital-traff-ledarskap", "Digital träff: att leda i nätverk",
            "08:30", "09:30", "traff", null, 100, 36, AttendeeList.MeetupWithAttendance, Uddevalla),

        Held("2026-12-03", "workshop-tjanstedesign-molndal", "Workshop: tjänstedesign för nybörjare",
            "13:00", "16:00", "workshop", "1481", 25, 23, AttendeeList.MeetupWithAttendance, Gr),
        Held("2026-12-09", "natverksmote-arets-lardomar", "Nätverksmöte: årets lärdomar och nästa år",
            "15:00", "18:00", "natverksmote", "1480", 70, 49, AttendeeList.MeetupWithAttendance, Vgr, Goteborg),
        Held("2026-12-15", "digital-julfika", "Digital julfika: ett år av One Team Gov Västsverige",
            "09:00", "10:00", "traff", null, 100, 40, AttendeeList.MeetupWithAttendance, Vgr),
    ];

    static EventDefinition Held(
        string date, string slugSuffix, string title, string starts, string ends, string format, string? municipality,
        int capacity, int demand, AttendeeList list, params string[] hosts) =>
        new($"{date}-{slugSuffix}", title, At(date, starts), At(date, ends), format, municipality, capacity, demand, list, hosts);

    static DateTime At(string date, string time) =>
        DateTime.ParseExact($"{date} {time}", "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Luhn (mod 10) check over the first nine digits, as for every Swedish organisationsnummer.</summary>
    public static bool HasValidCheckDigit(string organisationNumber)
    {
        var digits = organisationNumber.Replace("-", "", StringComparison.Ordinal);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
            return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10 == digits[9] - '0';
    }

    public static bool IsHost(Organisation organisation) => Events.Any(e => e.Hosts.Contains(organisation.Name));

    public static Organisation Find(string name) =>
        Organisations.Concat(Uncatalogued).Single(o => o.Name == name);
}
