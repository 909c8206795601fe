namespace Analytics.SampleData;

/// <summary>The taxonomy codes of DESIGN.md and the Swedish answers attendees give for them.</summary>
static class Taxonomy
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

    public const string Ledning = "ledning";
    public const string Verksamhetsutveckling = "verksamhetsutveckling";
    public const string DigitaliseringIt = "digitalisering-it";
    public const string DesignUx = "design-ux";
    public const string PolicyJuridik = "policy-juridik";
    public const string Kommunikation = "kommunikation";
    public const string ForskningUtbildning = "forskning-utbildning";
    public const string VardOmsorgSkola = "vard-omsorg-skola";
    public const string Projektledning = "projektledning";
    public const string Student = "student";
    public const string OvrigtProfession = "ovrigt";

    public const string Abroad = "utland";

    public static readonly IReadOnlyDictionary<string, string> SectorLabels = new Dictionary<string, string>
    {
        [Stat] = "Stat / statlig myndighet",
        [Region] = "Region",
        [Kommun] = "Kommun",
        [KommunalSamverkan] = "Kommunalförbund eller kommunalt bolag",
        [Akademi] = "Akademi / universitet och högskola",
        [Civilsamhalle] = "Civilsamhälle / ideell sektor",
        [Naringsliv] = "Näringsliv / företag",
        [Medborgare] = "Medborgare / invånare",
        [Internationellt] = "Internationell organisation",
        [OvrigtSector] = "Annat",
    };

    // Meetup RSVP questions are free text, so people write their own words; the importer has to map these once.
    public static readonly IReadOnlyDictionary<string, string[]> SectorVariants = new Dictionary<string, string[]>
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

    public static readonly IReadOnlyDictionary<string, string> ProfessionLabels = new Dictionary<string, string>
    {
        [Ledning] = "Chef / ledning",
        [Verksamhetsutveckling] = "Verksamhetsutvecklare",
        [DigitaliseringIt] = "Digitalisering / IT",
        [DesignUx] = "Design / UX",
        [PolicyJuridik] = "Utredare, policy eller juridik",
        [Kommunikation] = "Kommunikatör",
        [ForskningUtbildning] = "Forskare / lärare",
        [VardOmsorgSkola] = "Vård, omsorg eller skola",
        [Projektledning] = "Projektledare",
        [Student] = "Student",
        [OvrigtProfession] = "Annat",
    };

    public static readonly IReadOnlyDictionary<string, string[]> ProfessionVariants = new Dictionary<string, string[]>
    {
        [Ledning] = ["Enhetschef", "chef"],
        [Verksamhetsutveckling] = ["verksamhetsutvecklare", "Utvecklingsledare"],
        [DigitaliseringIt] = ["IT", "Digitaliseringsstrateg"],
        [DesignUx] = ["UX-designer", "Tjänstedesigner"],
        [PolicyJuridik] = ["Jurist", "Utredare"],
        [Kommunikation] = ["Kommunikation"],
        [ForskningUtbildning] = ["Forskare", "Lektor"],
        [VardOmsorgSkola] = ["Sjuksköterska", "Rektor"],
        [Projektledning] = ["Projektledare ", "projektledare"],
        [Student] = ["Studerande"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> MunicipalityVariants = new Dictionary<string, string[]>
    {
        ["Göteborg"] = ["Gbg", "Goteborg", "Göteborg "],
        ["Borås"] = ["Boras"],
        ["Trollhättan"] = ["Trollhattan"],
        ["Mölndal"] = ["mölndal"],
    };

    public const string RoleParticipant = "Deltagare";
    public const string RoleSpeaker = "Talare";
    public const string RoleOrganiser = "Arrangör";

    public const string QuestionSector = "Vilken sektor arbetar du inom?";
    public const string QuestionProfession = "Vilken är din yrkesroll?";
    public const string QuestionOrganisation = "Vilken organisation kommer du från?";
    public const string QuestionMunicipality = "I vilken kommun arbetar du?";
    public const string QuestionRole = "Vilken roll har du på träffen?";
    public const string QuestionConsent = "Jag samtycker till att mina svar används för anonym statistik";

    public static readonly string[] Questions =
        [QuestionSector, QuestionProfession, QuestionOrganisation, QuestionMunicipality, QuestionRole, QuestionConsent];

    /// <summary>SCB kommunkod to name: the 49 municipalities of Västra Götaland, then those the catalogue needs elsewhere.</summary>
    public static readonly IReadOnlyDictionary<string, string> MunicipalityNames = new Dictionary<string, string>
    {
        ["1401"] = "Härryda", ["1402"] = "Partille", ["1407"] = "Öckerö", ["1415"] = "Stenungsund", ["1419"] = "Tjörn",
        ["1421"] = "Orust", ["1427"] = "Sotenäs", ["1430"] = "Munkedal", ["1435"] = "Tanum", ["1438"] = "Dals-Ed",
        ["1439"] = "Färgelanda", ["1440"] = "Ale", ["1441"] = "Lerum", ["1442"] = "Vårgårda", ["1443"] = "Bollebygd",
        ["1444"] = "Grästorp", ["1445"] = "Essunga", ["1446"] = "Karlsborg", ["1447"] = "Gullspång", ["1452"] = "Tranemo",
        ["1460"] = "Bengtsfors", ["1461"] = "Mellerud", ["1462"] = "Lilla Edet", ["1463"] = "Mark", ["1465"] = "Svenljunga",
        ["1466"] = "Herrljunga", ["1470"] = "Vara", ["1471"] = "Götene", ["1472"] = "Tibro", ["1473"] = "Töreboda",
        ["1480"] = "Göteborg", ["1481"] = "Mölndal", ["1482"] = "Kungälv", ["1484"] = "Lysekil", ["1485"] = "Uddevalla",
        ["1486"] = "Strömstad", ["1487"] = "Vänersborg", ["1488"] = "Trollhättan", ["1489"] = "Alingsås", ["1490"] = "Borås",
        ["1491"] = "Ulricehamn", ["1492"] = "Åmål", ["1493"] = "Mariestad", ["1494"] = "Lidköping", ["1495"] = "Skara",
        ["1496"] = "Skövde", ["1497"] = "Hjo", ["1498"] = "Tidaholm", ["1499"] = "Falköping",
        ["1384"] = "Kungsbacka", ["1380"] = "Halmstad", ["0180"] = "Stockholm", ["0184"] = "Solna", ["0580"] = "Linköping",
        ["0581"] = "Norrköping", ["0680"] = "Jönköping", ["2081"] = "Borlänge", ["2180"] = "Gävle", ["2281"] = "Sundsvall",
        [Abroad] = "Utomlands",
    };

    // Länskod 14 is Västra Götaland; Kungsbacka (1384) belongs to Halland although it is part of Göteborgsregionen.
    public static bool IsInVastraGotaland(string municipality) => municipality.StartsWith("14", StringComparison.Ordinal);
}
