namespace Analytics.SampleData;

using static Taxonomy;

/// <summary>A fictional network member: who they are never changes, so they return across events and files.</summary>
sealed class Person
{
    public required long MemberId { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string MeetupName { get; init; }
    public required Organisation? Organisation { get; init; }
    public required string Sector { get; init; }
    public required string Profession { get; init; }
    public required string Municipality { get; init; }
    /// <summary>Relative eagerness to sign up; zero keeps a guest speaker out of ordinary sign-ups.</summary>
    public required double Activity { get; init; }
    public required double ShowUpRate { get; init; }
    public required DateTime ActiveFrom { get; init; }
    public required bool SharesProfile { get; init; }
    public required string SectorAnswer { get; init; }
    public required string ProfessionAnswer { get; init; }
    public required string OrganisationAnswer { get; init; }
    public required string MunicipalityAnswer { get; init; }
    /// <summary>The group title Meetup shows for the network's own organisers; empty for everyone else.</summary>
    public string MeetupTitle { get; init; } = "";
    public DateTime? JoinedGroup { get; set; }
    public int EventsAttended { get; set; }
}

static class People
{
    public const int PoolSize = 700;

    static readonly string[] FirstNames =
    [
        "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kristina", "Elin", "Ida", "Malin", "Johanna", "Linnea",
        "Sofia", "Hanna", "Jenny", "Frida", "Annika", "Helena", "Ulrika", "Åsa", "Ingrid", "Maja", "Ebba", "Matilda",
        "Fatima", "Leila", "Amira", "Mirela", "Aida", "Nadia", "Mei", "Paula", "Agnes", "Tove",
        "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Jan", "Peter", "Fredrik", "Daniel", "Magnus", "Mattias",
        "Jonas", "Andreas", "Martin", "Niklas", "Henrik", "Oskar", "Björn", "Gustav", "Viktor", "Emil", "Axel", "Olof",
        "Amir", "Yusuf", "Mehmet", "Dragan", "Ali", "Tomás", "Jesper", "Rasmus", "Sven", "Göran",
    ];

    static readonly string[] LastNames =
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

    static readonly (string Organisation, string FirstName, string LastName)[] InternationalGuests =
    [
        (Catalogue.Oecd, "Marianne", "Lefèvre"),
        (Catalogue.OneTeamGovUk, "Tom", "Ashcroft"),
    ];

    static readonly (string Item, double Weight)[] SectorMix =
    [
        (Kommun, 34), (Region, 18), (Stat, 13), (KommunalSamverkan, 7), (Akademi, 10), (Civilsamhalle, 6),
        (Naringsliv, 8), (Medborgare, 3), (OvrigtSector, 1),
    ];

    static readonly (string Item, double Weight)[] PublicSectorProfessions =
    [
        (Ledning, 14), (Verksamhetsutveckling, 24), (DigitaliseringIt, 16), (DesignUx, 5), (PolicyJuridik, 9),
        (Kommunikation, 7), (ForskningUtbildning, 1), (VardOmsorgSkola, 10), (Projektledning, 12), (OvrigtProfession, 2),
    ];

    static readonly Dictionary<string, (string Item, double Weight)[]> ProfessionMix = new()
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

    // People turn up less often where the event is not part of their job; students and residents most of all.
    static readonly Dictionary<string, double> ShowUpBySector = new()
    {
        [Kommun] = 0.80, [Region] = 0.79, [Stat] = 0.80, [KommunalSamverkan] = 0.82, [Akademi] = 0.70,
        [Civilsamhalle] = 0.75, [Naringsliv] = 0.72, [Medborgare] = 0.62, [Internationellt] = 0.95, [OvrigtSector] = 0.68,
    };

    /// <summary>Where in Västra Götaland (and Kungsbacka, Stockholm) people of region-wide and national bodies work.</summary>
    static readonly (string Item, double Weight)[] Workplaces = BuildWorkplaces();

    static (string, double)[] BuildWorkplaces()
    {
        var large = new Dictionary<string, double>
        {
            ["1480"] = 40, ["1490"] = 8, ["1481"] = 5, ["1488"] = 5, ["1485"] = 4, ["1496"] = 4, ["1487"] = 4, ["1482"] = 3,
            ["1489"] = 3, ["1441"] = 3, ["1402"] = 3, ["1401"] = 3, ["1494"] = 3, ["1384"] = 3, ["1499"] = 2, ["1493"] = 2,
            ["1415"] = 2, ["1440"] = 2, ["1491"] = 2, ["1463"] = 2, ["0180"] = 3,
        };
        return MunicipalityNames.Keys
            .Where(code => IsInVastraGotaland(code) || large.ContainsKey(code))
            .Select(code => (code, large.GetValueOrDefault(code, 0.5)))
            .ToArray();
    }

    public static List<Person> CreatePool(Random random)
    {
        var organisationStart = OrganisationStartDates(random);
        var names = new HashSet<string>();
        var memberIds = new HashSet<long>();
        var pool = new List<Person>();

        // The network's own organisers come first: one or more from every host organisation.
        var hostNames = Catalogue.Events.SelectMany(e => e.Hosts).Distinct().ToList();
        foreach (var hostName in hostNames)
        {
            var host = Catalogue.Find(hostName);
            var count = hostName switch { Catalogue.Vgr => 3, Catalogue.Goteborg => 2, _ => 1 };
            for (var i = 0; i < count; i++)
            {
                var title = pool.Count == 0 ? "Organizer" : "Co-Organizer";
                pool.Add(CreatePerson(random, names, memberIds, host, host.Sector, Catalogue.GroupFounded, activity: 2.5,
                    profession: random.Pick<string>([Verksamhetsutveckling, Projektledning, Ledning, DesignUx]),
                    title: title));
            }
        }

        foreach (var (guest, firstName, lastName) in InternationalGuests)
        {
            names.Add($"{firstName} {lastName}");
            pool.Add(CreatePerson(random, names, memberIds, Catalogue.Find(guest), Internationellt, Catalogue.GroupFounded,
                activity: 0, profession: PolicyJuridik, title: "", name: (firstName, lastName)));
        }

        var candidates = Catalogue.Organisations.Where(o => o.Weight > 0).Concat(Catalogue.Uncatalogued).ToList();
        while (pool.Count < PoolSize)
        {
            var sector = random.PickWeighted(SectorMix);
            var organisation = sector is Medborgare or OvrigtSector
                ? null
                : random.PickWeighted(candidates.Where(o => o.Sector == sector).Select(o => (o, (double)o.Weight)).ToList());
            var ownStart = random.Chance(0.55)
                ? Catalogue.GroupFounded
                : random.Between(Catalogue.GroupFounded, new DateTime(2026, 11, 20));
            var start = organisation is null || organisationStart[organisation] < ownStart ? ownStart : organisationStart[organisation];
            // Most members come now and then; a few come to almost everything.
            var activity = 0.3 + 3 * Math.Pow(random.NextDouble(), 3);
            pool.Add(CreatePerson(random, names, memberIds, organisation, sector, start, activity,
                profession: random.PickWeighted(ProfessionMix[sector]), title: ""));
        }
        return pool;
    }

    // Large organisations are there from the start; smaller ones join over the year, so reports see new organisations.
    static Dictionary<Organisation, DateTime> OrganisationStartDates(Random random)
    {
        var starts = new Dictionary<Organisation, DateTime>();
        foreach (var organisation in Catalogue.Organisations)
        {
            starts[organisation] = organisation.Weight >= 5 || Catalogue.IsHost(organisation)
                ? Catalogue.GroupFounded
                : random.Between(Catalogue.GroupFounded, new DateTime(2026, 10, 15));
        }
        foreach (var organisation in Catalogue.Uncatalogued)
            starts[organisation] = random.Between(new DateTime(2026, 8, 10), new DateTime(2026, 10, 10));
        return starts;
    }

    static Person CreatePerson(
        Random random, HashSet<string> names, HashSet<long> memberIds, Organisation? organisation, string sector,
        DateTime activeFrom, double activity, string profession, string title, (string First, string Last)? name = null)
    {
        var (firstName, lastName) = name ?? (random.Pick(FirstNames), random.Pick(LastNames));
        while (name is null && !names.Add($"{firstName} {lastName}"))
            (firstName, lastName) = (random.Pick(FirstNames), random.Pick(LastNames));

        long memberId;
        do
        {
            // Early Meetup accounts have short ids, so the pool mixes 6 to 9 digits.
            var digits = random.PickWeighted<int>([(6, 1.0), (7, 2.0), (8, 3.0), (9, 4.0)]);
            memberId = random.NextInt64((long)Math.Pow(10, digits - 1), (long)Math.Pow(10, digits));
        } while (!memberIds.Add(memberId));

        var municipality = Workplace(random, organisation, sector);
        var showUp = Math.Clamp(ShowUpBySector[sector] + (random.NextDouble() - 0.5) * 0.2, 0.3, 0.98);
        var shares = random.Chance(0.92);
        // The network's own organisers answer carefully; everyone else writes the way they always do.
        var careful = title.Length > 0;
        return new Person
        {
            MemberId = memberId,
            FirstName = firstName,
            LastName = lastName,
            MeetupName = random.Chance(0.15) ? $"{firstName} {lastName[0]}." : $"{firstName} {lastName}",
            Organisation = organisation,
            Sector = sector,
            Profession = profession,
            Municipality = municipality,
            Activity = activity,
            ShowUpRate = showUp,
            ActiveFrom = activeFrom,
            SharesProfile = careful || shares,
            SectorAnswer = Answer(random, SectorLabels[sector], SectorVariants.GetValueOrDefault(sector), careful ? 0 : 0.08),
            ProfessionAnswer = Answer(
                random, ProfessionLabels[profession], ProfessionVariants.GetValueOrDefault(profession), careful ? 0 : 0.10),
            OrganisationAnswer = organisation is null
                ? ""
                : Answer(random, organisation.Name, organisation.AnswerVariants, careful ? 0 : 0.15),
            MunicipalityAnswer = Answer(
                random, MunicipalityNames[municipality], MunicipalityVariants.GetValueOrDefault(MunicipalityNames[municipality]),
                careful ? 0 : 0.06),
            MeetupTitle = title,
        };
    }

    static string Answer(Random random, string canonical, string[]? variants, double variantShare) =>
        variants is { Length: > 0 } && random.Chance(variantShare) ? random.Pick(variants) : canonical;

    static string Workplace(Random random, Organisation? organisation, string sector)
    {
        var westernSweden = Workplaces.Where(w => w.Item != "0180").ToList();
        if (organisation is null)
            return random.PickWeighted(westernSweden);
        if (sector == Internationellt)
            return Abroad;
        // The region and the county board work all over Västra Götaland, not only where their head office is.
        if (organisation.Name is Catalogue.Vgr or Catalogue.Lansstyrelsen)
            return random.PickWeighted(westernSweden);
        if (IsInVastraGotaland(organisation.Municipality) || organisation.Municipality == "1384")
            return organisation.Municipality;
        // National bodies and companies meet the network through their offices in the west, and now and then from head office.
        return random.Chance(0.15) ? organisation.Municipality : random.PickWeighted(Workplaces);
    }
}
