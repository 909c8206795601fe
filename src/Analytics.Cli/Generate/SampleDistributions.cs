namespace Analytics.Cli.Generate;

/// <summary>
/// The distributions of the sample data, as data-samples/generator draws them (People.cs, Registrations.cs, Taxonomy.cs,
/// Catalogue.cs): who comes from which sector and profession, how they answer the free-text questions, how often they
/// turn up, and what events look like. The generator at scale draws from these same tables, so a million rows look like
/// the 1,638 sample rows, only more of them.
/// </summary>
internal static class SampleDistributions
{
    public const string Stat = "stat";
    public const string Region = "region";
    public const string Kommun = "kommun";
    public const string KommunalSamverkan = "kommunal-samverkan";
    public const string Akademi = "akademi";
    public const string Civilsamhalle = "civilsamhalle";
    public const string Naringsliv = "naringsliv";
    public const string Medborgare = "medborgare";
    public const string Internationellt = "internationellt";
    public const string OvrigtSector = "ovrigt";

    public const string RoleParticipant = "Deltagare";
    public const string RoleSpeaker = "Talare";
    public const string RoleOrganiser = "Arrangör";

    public static readonly string[] Questions =
    [
        "Vilken sektor arbetar du inom?", "Vilken är din yrkesroll?", "Vilken organisation kommer du från?",
        "I vilken kommun arbetar du?", "Vilken roll har du på träffen?",
        "Jag samtycker till att mina svar används för anonym statistik",
    ];

    public static readonly (string Item, double Weight)[] SectorMix =
    [
        (Kommun, 34), (Region, 18), (Stat, 13), (KommunalSamverkan, 7), (Akademi, 10), (Civilsamhalle, 6),
        (Naringsliv, 8), (Medborgare, 3), (OvrigtSector, 1),
    ];

    private static readonly (string Item, double Weight)[] PublicSectorProfessions =
    [
        ("ledning", 14), ("verksamhetsutveckling", 24), ("digitalisering-it", 16), ("design-ux", 5), ("policy-juridik", 9),
        ("kommunikation", 7), ("forskning-utbildning", 1), ("vard-omsorg-skola", 10), ("projektledning", 12), ("ovrigt", 2),
    ];

    public static readonly Dictionary<string, (string Item, double Weight)[]> ProfessionMix = new()
    {
        [Kommun] = PublicSectorProfessions,
        [Stat] = PublicSectorProfessions,
        [KommunalSamverkan] = PublicSectorProfessions,
        [Region] =
        [
            ("ledning", 12), ("verksamhetsutveckling", 22), ("digitalisering-it", 15), ("design-ux", 5), ("policy-juridik", 7),
            ("kommunikation", 6), ("forskning-utbildning", 3), ("vard-omsorg-skola", 18), ("projektledning", 10), ("ovrigt", 2),
        ],
        [Akademi] =
        [
            ("forskning-utbildning", 45), ("student", 28), ("ledning", 5), ("digitalisering-it", 6), ("design-ux", 6),
            ("projektledning", 5), ("kommunikation", 2), ("ovrigt", 3),
        ],
        [Civilsamhalle] =
        [
            ("ledning", 20), ("verksamhetsutveckling", 15), ("projektledning", 25), ("kommunikation", 15), ("policy-juridik", 10),
            ("ovrigt", 15),
        ],
        [Naringsliv] =
        [
            ("digitalisering-it", 35), ("design-ux", 25), ("ledning", 10), ("projektledning", 15), ("verksamhetsutveckling", 10),
            ("ovrigt", 5),
        ],
        [Medborgare] = [("ovrigt", 40), ("student", 30), ("vard-omsorg-skola", 15), ("kommunikation", 5), ("ledning", 10)],
        [OvrigtSector] = [("ovrigt", 40), ("projektledning", 20), ("design-ux", 20), ("digitalisering-it", 20)],
    };

    public static readonly Dictionary<string, double> ShowUpBySector = new()
    {
        [Kommun] = 0.80, [Region] = 0.79, [Stat] = 0.80, [KommunalSamverkan] = 0.82, [Akademi] = 0.70,
        [Civilsamhalle] = 0.75, [Naringsliv] = 0.72, [Medborgare] = 0.62, [OvrigtSector] = 0.68,
    };

    public static readonly Dictionary<string, string> SectorLabels = new()
    {
        [Stat] = "Stat / statlig myndighet",
        [Region] = "Region",
        [Kommun] = "Kommun",
        [KommunalSamverkan] = "Kommunalförbund eller kommunalt bolag",
        [Akademi] = "Akademi / universitet och högskola",
        [Civilsamhalle] = "Civilsamhälle / ideell sektor",
        [Naringsliv] = "Näringsliv / företag",
        [Medborgare] = "Medborgare / invånare",
        [OvrigtSector] = "Annat",
    };

    public static readonly Dictionary<string, string[]> SectorVariants = new()
    {
        [Kommun] = ["Kommunal verksamhet", "kommun ", "KOMMUN"],
        [Region] = ["Regionen", "region"],
        [Stat] = ["Myndighet", "Statlig myndighet"],
        [Akademi] = ["Högskola", "Universitet"],
        [Civilsamhalle] = ["Ideell förening", "Civilsamhalle"],
        [Naringsliv] = ["Privat företag", "Naringsliv"],
        [KommunalSamverkan] = ["Kommunalt bolag"],
        [Medborgare] = ["Invånare"],
    };

    public static readonly Dictionary<string, string> ProfessionLabels = new()
    {
        ["ledning"] = "Chef / ledning",
        ["verksamhetsutveckling"] = "Verksamhetsutvecklare",
        ["digitalisering-it"] = "Digitalisering / IT",
        ["design-ux"] = "Design / UX",
        ["policy-juridik"] = "Utredare, policy eller juridik",
        ["kommunikation"] = "Kommunikatör",
        ["forskning-utbildning"] = "Forskare / lärare",
        ["vard-omsorg-skola"] = "Vård, omsorg eller skola",
        ["projektledning"] = "Projektledare",
        ["student"] = "Student",
        ["ovrigt"] = "Annat",
    };

    public static readonly Dictionary<string, string[]> ProfessionVariants = new()
    {
        ["ledning"] = ["Enhetschef", "chef"],
        ["verksamhetsutveckling"] = ["verksamhetsutvecklare", "Utvecklingsledare"],
        ["digitalisering-it"] = ["IT", "Digitaliseringsstrateg"],
        ["design-ux"] = ["UX-designer", "Tjänstedesigner"],
        ["policy-juridik"] = ["Jurist", "Utredare"],
        ["kommunikation"] = ["Kommunikation"],
        ["forskning-utbildning"] = ["Forskare", "Lektor"],
        ["vard-omsorg-skola"] = ["Sjuksköterska", "Rektor"],
        ["projektledning"] = ["Projektledare ", "projektledare"],
        ["student"] = ["Studerande"],
    };

    public static readonly Dictionary<string, string[]> MunicipalityVariants = new()
    {
        ["Göteborg"] = ["Gbg", "Goteborg", "Göteborg "],
        ["Borås"] = ["Boras"],
        ["Trollhättan"] = ["Trollhattan"],
        ["Mölndal"] = ["mölndal"],
    };

    /// <summary>The answers the sample's organisers have mapped once (data-samples/mapping.json), less its organisations.</summary>
    public static readonly (string Question, string Answer, string Code)[] SavedMapping =
    [
        ("sector", "Kommunal verksamhet", Kommun), ("sector", "Regionen", Region), ("sector", "Högskola", Akademi),
        ("sector", "Myndighet", Stat), ("sector", "Ideell förening", Civilsamhalle), ("sector", "Privat företag", Naringsliv),
        ("profession", "Sjuksköterska", "vard-omsorg-skola"), ("profession", "Digitaliseringsstrateg", "digitalisering-it"),
        ("profession", "Utvecklingsledare", "verksamhetsutveckling"), ("profession", "Enhetschef", "ledning"),
        ("profession", "UX-designer", "design-ux"), ("profession", "Rektor", "ledning"), ("profession", "Lektor", "forskning-utbildning"),
    ];

    /// <summary>The sample's example target mix (targets.example.csv).</summary>
    public static readonly (string Dimension, string Code, string Share)[] ExampleTargets =
    [
        ("sector", Kommun, "0.30"), ("sector", Region, "0.15"), ("sector", Stat, "0.15"), ("sector", KommunalSamverkan, "0.05"),
        ("sector", Akademi, "0.10"), ("sector", Civilsamhalle, "0.10"), ("sector", Naringsliv, "0.07"),
        ("sector", Medborgare, "0.05"), ("sector", Internationellt, "0.01"), ("sector", OvrigtSector, "0.02"),
        ("profession", "ledning", "0.12"), ("profession", "verksamhetsutveckling", "0.16"), ("profession", "digitalisering-it", "0.12"),
        ("profession", "design-ux", "0.08"), ("profession", "policy-juridik", "0.08"), ("profession", "kommunikation", "0.07"),
        ("profession", "forskning-utbildning", "0.08"), ("profession", "vard-omsorg-skola", "0.12"), ("profession", "projektledning", "0.09"),
        ("profession", "student", "0.05"), ("profession", "ovrigt", "0.03"),
    ];

    /// <summary>SCB kommunkod and name of the workplaces in the sample, with how many members work there.</summary>
    public static readonly (string Code, string Name, double Weight)[] Workplaces =
    [
        ("1480", "Göteborg", 40), ("1490", "Borås", 8), ("1481", "Mölndal", 5), ("1488", "Trollhättan", 5), ("1485", "Uddevalla", 4),
        ("1496", "Skövde", 4), ("1487", "Vänersborg", 4), ("1482", "Kungälv", 3), ("1489", "Alingsås", 3), ("1441", "Lerum", 3),
        ("1402", "Partille", 3), ("1401", "Härryda", 3), ("1494", "Lidköping", 3), ("1384", "Kungsbacka", 3), ("1499", "Falköping", 2),
        ("1493", "Mariestad", 2), ("1415", "Stenungsund", 2), ("1440", "Ale", 2), ("1491", "Ulricehamn", 2), ("1463", "Mark", 2),
        ("0180", "Stockholm", 3),
        ("1407", "Öckerö", 0.5), ("1419", "Tjörn", 0.5), ("1421", "Orust", 0.5), ("1427", "Sotenäs", 0.5), ("1430", "Munkedal", 0.5),
        ("1435", "Tanum", 0.5), ("1438", "Dals-Ed", 0.5), ("1439", "Färgelanda", 0.5), ("1442", "Vårgårda", 0.5),
        ("1443", "Bollebygd", 0.5), ("1444", "Grästorp", 0.5), ("1445", "Essunga", 0.5), ("1446", "Karlsborg", 0.5),
        ("1447", "Gullspång", 0.5), ("1452", "Tranemo", 0.5), ("1460", "Bengtsfors", 0.5), ("1461", "Mellerud", 0.5),
        ("1462", "Lilla Edet", 0.5), ("1465", "Svenljunga", 0.5), ("1466", "Herrljunga", 0.5), ("1470", "Vara", 0.5),
        ("1471", "Götene", 0.5), ("1472", "Tibro", 0.5), ("1473", "Töreboda", 0.5), ("1484", "Lysekil", 0.5),
        ("1486", "Strömstad", 0.5), ("1492", "Åmål", 0.5), ("1495", "Skara", 0.5), ("1497", "Hjo", 0.5), ("1498", "Tidaholm", 0.5),
    ];

    /// <summary>Kommunalförbund areas: people travel within their own part of the county more readily than across it.</summary>
    public static readonly Dictionary<string, string> Subregion = new (string Area, string Codes)[]
    {
        ("GR", "1480 1481 1482 1401 1402 1407 1415 1419 1440 1441 1462 1489 1384"),
        ("Sjuhärad", "1490 1491 1452 1463 1465 1466 1442 1443"),
        ("Fyrbodal", "1485 1488 1487 1484 1486 1435 1427 1430 1438 1439 1460 1461 1421 1492"),
        ("Skaraborg", "1496 1494 1493 1495 1499 1497 1498 1470 1471 1472 1473 1446 1447 1444 1445"),
    }.SelectMany(a => a.Codes.Split(' ').Select(code => (Code: code, a.Area))).ToDictionary(x => x.Code, x => x.Area);

    /// <summary>
    /// The sample's events by format: how often each occurs, the share held online, how many want a place (the mean of
    /// the sample's demand) and the places offered relative to that, and the start times used.
    /// </summary>
    public static readonly EventShape[] EventShapes =
    [
        new("workshop", 10, 0.0, 28, 1.1, 1, 1),
        new("forelasning", 7, 0.86, 64, 2.8, 1, 2),
        new("natverksmote", 7, 0.0, 36, 1.4, 2, 3),
        new("traff", 9, 0.33, 31, 1.7, 1, 2),
        new("konferens", 2, 0.0, 121, 1.1, 3, 3),
    ];

    public static readonly (string Time, double Weight)[] StartTimes =
        [("13:00", 11), ("09:00", 8), ("17:00", 7), ("12:00", 6), ("15:00", 2), ("08:30", 1)];

    /// <summary>How many organisations host an event in the sample: 22 one, 7 two, 6 three.</summary>
    public static readonly (int Count, double Weight)[] HostCounts = [(1, 22), (2, 7), (3, 6)];

    public static readonly string[] NoteTexts =
    [
        "Kommer lite senare, ca 17:30", "Tar med en kollega", "Kan behöva gå tidigt", "Första gången, ser fram emot det!",
        "Deltar gärna i panelen, om det behövs",
    ];

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
        "Hassan", "Yilmaz", "Nguyen", "Hadžić", "Kovačević", "Haddad", "Rahimi", "Korhonen", "Lefèvre",
    ];
}

/// <summary>One event format of the sample: its frequency, online share, mean demand, places per demand and speakers.</summary>
internal sealed record EventShape(string Format, double Weight, double OnlineShare, double Demand, double PlacesPerDemand,
    int MinSpeakers, int MaxSpeakers);
