namespace Analytics.SampleData;

using static Taxonomy;

/// <summary>
/// The numbers the sample data is drawn from: who the members are, how they answer, how often they turn up and what
/// events look like. This file and Taxonomy.cs are the one copy: the sample generator (People, Registrations,
/// CatalogueWriter, MappingWriter) draws from them here, and `analytics generate` (src/Analytics.Cli/Generate) compiles
/// both in as links, so a million generated rows look like the 1,638 sample rows. Only tables and rates live here; how
/// each generator draws from them stays with that generator. A changed number changes the committed sample files:
/// run the generator again and commit them together.
/// </summary>
static class Distributions
{
    // ----- Who the members are -----

    public static readonly (string Item, double Weight)[] SectorMix =
    [
        (Kommun, 34), (Region, 18), (Stat, 13), (KommunalSamverkan, 7), (Akademi, 10), (Civilsamhalle, 6),
        (Naringsliv, 8), (Medborgare, 3), (OvrigtSector, 1),
    ];

    static readonly (string Item, double Weight)[] PublicSectorProfessions =
    [
        (Ledning, 14), (Verksamhetsutveckling, 24), (DigitaliseringIt, 16), (DesignUx, 5), (PolicyJuridik, 9),
        (Kommunikation, 7), (ForskningUtbildning, 1), (VardOmsorgSkola, 10), (Projektledning, 12), (OvrigtProfession, 2),
    ];

    public static readonly IReadOnlyDictionary<string, (string Item, double Weight)[]> ProfessionMix =
        new Dictionary<string, (string Item, double Weight)[]>
        {
            [Kommun] = PublicSectorProfessions,
            [Stat] = PublicSectorProfessions,
            [KommunalSamverkan] = PublicSectorProfessions,
            [Region] =
            [
                (Ledning, 12), (Verksamhetsutveckling, 22), (DigitaliseringIt, 15), (DesignUx, 5), (PolicyJuridik, 7),
                (Kommunikation, 6), (ForskningUtbildning, 3), (VardOmsorgSkola, 18), (Projektledning, 10), (OvrigtProfession, 2),
            ],
            [Akademi] =
            [
                (ForskningUtbildning, 45), (Student, 28), (Ledning, 5), (DigitaliseringIt, 6), (DesignUx, 6), (Projektledning, 5),
                (Kommunikation, 2), (OvrigtProfession, 3),
            ],
            [Civilsamhalle] =
            [
                (Ledning, 20), (Verksamhetsutveckling, 15), (Projektledning, 25), (Kommunikation, 15), (PolicyJuridik, 10),
                (OvrigtProfession, 15),
            ],
            [Naringsliv] =
            [
                (DigitaliseringIt, 35), (DesignUx, 25), (Ledning, 10), (Projektledning, 15), (Verksamhetsutveckling, 10),
                (OvrigtProfession, 5),
            ],
            [Medborgare] = [(OvrigtProfession, 40), (Student, 30), (VardOmsorgSkola, 15), (Kommunikation, 5), (Ledning, 10)],
            [OvrigtSector] = [(OvrigtProfession, 40), (Projektledning, 20), (DesignUx, 20), (DigitaliseringIt, 20)],
        };

    /// <summary>What the people who run events for a host organisation do for a living (one drawn evenly).</summary>
    public static readonly string[] OrganiserProfessions = [Verksamhetsutveckling, Projektledning, Ledning, DesignUx];

    /// <summary>How eager an organiser is to sign up, against 0.3 to 3.3 for other members.</summary>
    public const double OrganiserActivity = 2.5;

    // Most members come now and then; a few come to almost everything: activity = base + range * u^exponent.
    public const double ActivityBase = 0.3;
    public const double ActivityRange = 3;
    public const double ActivityExponent = 3;

    /// <summary>The share of members who are there from the start; the others join at some point after it.</summary>
    public const double FromTheStartShare = 0.55;

    // People turn up less often where the event is not part of their job; students and residents most of all.
    public static readonly IReadOnlyDictionary<string, double> ShowUpBySector = new Dictionary<string, double>
    {
        [Kommun] = 0.80, [Region] = 0.79, [Stat] = 0.80, [KommunalSamverkan] = 0.82, [Akademi] = 0.70,
        [Civilsamhalle] = 0.75, [Naringsliv] = 0.72, [Medborgare] = 0.62, [Internationellt] = 0.95, [OvrigtSector] = 0.68,
    };

    /// <summary>A member's own show-up rate is their sector's plus or minus half this, kept within the floor and ceiling.</summary>
    public const double ShowUpSpread = 0.2;
    public const double ShowUpFloor = 0.3;
    public const double ShowUpCeiling = 0.98;

    /// <summary>Online events lose a few more of those who said yes.</summary>
    public const double OnlineShowUpFactor = 0.95;

    /// <summary>The share of members who let their profile be used; a few answer the consent question otherwise on the day.</summary>
    public const double SharesProfileShare = 0.92;

    /// <summary>The share of members whose Meetup name shows only the initial of their last name ("Anna L.").</summary>
    public const double ShortMeetupNameShare = 0.15;

    /// <summary>Early Meetup accounts have short ids, so the pool mixes 6 to 9 digits.</summary>
    public static readonly (int Item, double Weight)[] MemberIdDigits = [(6, 1.0), (7, 2.0), (8, 3.0), (9, 4.0)];

    public static readonly string[] FirstNames =
    [
        "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kristina", "Elin", "Ida", "Malin", "Johanna", "Linnea",
        "Sofia", "Hanna", "Jenny", "Frida", "Annika", "Helena", "Ulrika", "Åsa", "Ingrid", "Maja", "Ebba", "Matilda",
        "Fatima", "Leila", "Amira", "Mirela", "Aida", "Nadia", "Mei", "Paula", "Agnes", "Tove",
        "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Jan", "Peter", "Fredrik", "Daniel", "Magnus", "Mattias",
        "Jonas", "Andreas", "Martin", "Niklas", "Henrik", "Oskar", "Björn", "Gustav", "Viktor", "Emil", "Axel", "Olof",
        "Amir", "Yusuf", "Mehmet", "Dragan", "Ali", "Tomás", "Jesper", "Rasmus", "Sven", "Göran",
    ];

    public static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson",
        "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg",
        "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg",
        "Wallin", "Engström", "Eklund", "Danielsson", "Håkansson", "Lundin", "Björk", "Bergman", "Gunnarsson", "Holm",
        "Samuelsson", "Fransson", "Wikström", "Isaksson", "Bergqvist", "Arvidsson", "Nyström", "Holmberg", "Löfgren",
        "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Åberg", "Öberg", "Ek", "Hassan", "Yilmaz", "Nguyen", "Hadžić",
        "Kovačević", "Haddad", "Rahimi", "Korhonen",
    ];

    // ----- Where they work and how far they travel -----

    /// <summary>
    /// Where members of region-wide and national bodies work, by SCB kommunkod: these municipalities carry their own
    /// weight, every other one in Västra Götaland <see cref="SmallWorkplaceWeight"/>. "0180" (Stockholm) is head office.
    /// </summary>
    public static readonly (string Code, double Weight)[] LargeWorkplaces =
    [
        ("1480", 40), ("1490", 8), ("1481", 5), ("1488", 5), ("1485", 4), ("1496", 4), ("1487", 4), ("1482", 3),
        ("1489", 3), ("1441", 3), ("1402", 3), ("1401", 3), ("1494", 3), ("1384", 3), ("1499", 2), ("1493", 2),
        ("1415", 2), ("1440", 2), ("1491", 2), ("1463", 2), ("0180", 3),
    ];

    public const double SmallWorkplaceWeight = 0.5;

    /// <summary>The share of a national body's members in the network who work at its head office rather than in the west.</summary>
    public const double HeadOfficeShare = 0.15;

    /// <summary>Kommunalförbund areas: people travel within their own part of the county more readily than across it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Subregion = new (string Area, string Codes)[]
    {
        ("GR", "1480 1481 1482 1401 1402 1407 1415 1419 1440 1441 1462 1489 1384"),
        ("Sjuhärad", "1490 1491 1452 1463 1465 1466 1442 1443"),
        ("Fyrbodal", "1485 1488 1487 1484 1486 1435 1427 1430 1438 1439 1460 1461 1421 1492"),
        ("Skaraborg", "1496 1494 1493 1495 1499 1497 1498 1470 1471 1472 1473 1446 1447 1444 1445"),
    }.SelectMany(a => a.Codes.Split(' ').Select(code => (Code: code, a.Area))).ToDictionary(x => x.Code, x => x.Area);

    // How much likelier a member is to sign up for an event held in their own municipality, their own area, in
    // Göteborg or elsewhere, against an online event (1).
    public const double SameMunicipalityAffinity = 4;
    public const double SameSubregionAffinity = 2;
    public const double GoteborgAffinity = 0.6;
    public const double ElsewhereAffinity = 0.2;
    public const string GoteborgCode = "1480";

    // ----- How they answer the free-text questions -----

    // The share who write their own words instead of the canonical answer (when the answer has known variants).
    public const double SectorVariantShare = 0.08;
    public const double ProfessionVariantShare = 0.10;
    public const double OrganisationVariantShare = 0.15;
    public const double MunicipalityVariantShare = 0.06;

    // Participants skip a question now and then; organisers and speakers answer every one.
    public const double SectorBlankShare = 0.03;
    public const double ProfessionBlankShare = 0.03;
    public const double OrganisationBlankShare = 0.04;
    public const double MunicipalityBlankShare = 0.03;
    public const double RoleBlankShare = 0.02;

    /// <summary>The share who answer the consent question against their usual choice.</summary>
    public const double ConsentChangedShare = 0.02;

    /// <summary>The share of Meetup participants who leave the consent question blank.</summary>
    public const double ConsentBlankShare = 0.01;

    // ----- Who signs up, and how -----

    /// <summary>An event is announced this many days ahead, at least and (exclusive) at most, between these hours.</summary>
    public static readonly (int From, int To) AnnouncedDaysAhead = (21, 42);
    public static readonly (int From, int To) AnnouncedHour = (8, 17);

    /// <summary>Those who answer "No" on Meetup, in per cent of the demand, from and (exclusive) to.</summary>
    public static readonly (int From, int To) DecliningPercent = (4, 12);

    /// <summary>The share of participants with a yes who bring guests, and of those the share who bring one (else two).</summary>
    public const double GuestShare = 0.06;
    public const double OneGuestShare = 0.8;

    /// <summary>The share of yes answers with a note, in the newer Meetup export that has the column.</summary>
    public const double NoteShare = 0.03;

    public static readonly string[] NoteTexts =
    [
        "Kommer lite senare, ca 17:30", "Tar med en kollega", "Kan behöva gå tidigt", "Första gången, ser fram emot det!",
        "Deltar gärna i panelen, om det behövs",
    ];

    /// <summary>The share of rows where Meetup leaves the User ID column empty and the id is only in the profile URL.</summary>
    public const double UserIdOnlyInUrlShare = 0.04;

    // ----- What events look like -----

    /// <summary>
    /// The sample's events by format (Catalogue.Events): how many there are, the share held online, the mean demand,
    /// places per demand and speakers. A test (Analytics.Cli.Tests, SharedDistributionsTests) holds the counts and
    /// online shares to data-samples/events.csv.
    /// </summary>
    public static readonly EventShape[] EventShapes =
    [
        new("workshop", 10, 0.0, 28, 1.1, 1, 1),
        new("forelasning", 7, 0.86, 64, 2.8, 1, 2),
        new("natverksmote", 7, 0.0, 36, 1.4, 2, 3),
        new("traff", 9, 0.33, 31, 1.7, 1, 2),
        new("konferens", 2, 0.0, 121, 1.1, 3, 3),
    ];

    /// <summary>The start times of the sample's events, weighted by how many start then.</summary>
    public static readonly (string Time, double Weight)[] StartTimes =
        [("13:00", 11), ("09:00", 8), ("17:00", 7), ("12:00", 6), ("15:00", 2), ("08:30", 1)];

    /// <summary>How many organisations host an event in the sample: 22 one, 7 two, 6 three.</summary>
    public static readonly (int Count, double Weight)[] HostCounts = [(1, 22), (2, 7), (3, 6)];

    // ----- The reference files -----

    /// <summary>The answers an organiser of the network has already mapped once (mapping.json), organisations included.</summary>
    public static readonly (string Question, string Answer, string Target)[] SavedMappings =
    [
        ("sector", "Kommunal verksamhet", Kommun),
        ("sector", "Regionen", Region),
        ("sector", "Högskola", Akademi),
        ("sector", "Myndighet", Stat),
        ("sector", "Ideell förening", Civilsamhalle),
        ("sector", "Privat företag", Naringsliv),
        ("profession", "Sjuksköterska", VardOmsorgSkola),
        ("profession", "Digitaliseringsstrateg", DigitaliseringIt),
        ("profession", "Utvecklingsledare", Verksamhetsutveckling),
        ("profession", "Enhetschef", Ledning),
        ("profession", "UX-designer", DesignUx),
        ("profession", "Rektor", Ledning),
        ("profession", "Lektor", ForskningUtbildning),
        ("organisation", "GR", "Göteborgsregionen"),
        ("organisation", "VGR", "Västra Götalandsregionen"),
        ("organisation", "GU", "Göteborgs universitet"),
        ("organisation", "Digg", "Myndigheten för digital förvaltning"),
        ("organisation", "Framtiden", "Förvaltnings AB Framtiden"),
        ("organisation", "BRG", "Business Region Göteborg"),
        ("organisation", "Röda korset", "Svenska Röda Korset"),
        ("organisation", "Länsstyrelsen Västra Götaland", "Länsstyrelsen i Västra Götalands län"),
    ];

    /// <summary>An example target mix per dimension (targets.example.csv); each dimension sums to 1.</summary>
    public static readonly (string Dimension, string Code, decimal Share)[] ExampleTargets =
    [
        ("sector", Kommun, 0.30m), ("sector", Region, 0.15m), ("sector", Stat, 0.15m), ("sector", KommunalSamverkan, 0.05m),
        ("sector", Akademi, 0.10m), ("sector", Civilsamhalle, 0.10m), ("sector", Naringsliv, 0.07m),
        ("sector", Medborgare, 0.05m), ("sector", Internationellt, 0.01m), ("sector", OvrigtSector, 0.02m),
        ("profession", Ledning, 0.12m), ("profession", Verksamhetsutveckling, 0.16m), ("profession", DigitaliseringIt, 0.12m),
        ("profession", DesignUx, 0.08m), ("profession", PolicyJuridik, 0.08m), ("profession", Kommunikation, 0.07m),
        ("profession", ForskningUtbildning, 0.08m), ("profession", VardOmsorgSkola, 0.12m), ("profession", Projektledning, 0.09m),
        ("profession", Student, 0.05m), ("profession", OvrigtProfession, 0.03m),
    ];

    public const string ExampleTargetNote = "Exempel – inte ett beslutat mål";
}

/// <summary>One event format of the sample: its frequency, online share, mean demand, places per demand and speakers.</summary>
sealed record EventShape(string Format, double Weight, double OnlineShare, double Demand, double PlacesPerDemand,
    int MinSpeakers, int MaxSpeakers);
