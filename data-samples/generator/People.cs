namespace Analytics.SampleData;

using static Distributions;
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

    static readonly (string Organisation, string FirstName, string LastName)[] InternationalGuests =
    [
        (Catalogue.Oecd, "Marianne", "Lefèvre"),
        (Catalogue.OneTeamGovUk, "Tom", "Ashcroft"),
    ];

    /// <summary>Where in Västra Götaland (and Kungsbacka, Stockholm) people of region-wide and national bodies work.</summary>
    static readonly (string Item, double Weight)[] Workplaces = BuildWorkplaces();

    static (string, double)[] BuildWorkplaces()
    {
        var large = LargeWorkplaces.ToDictionary(w => w.Code, w => w.Weight);
        return MunicipalityNames.Keys
            .Where(code => IsInVastraGotaland(code) || large.ContainsKey(code))
            .Select(code => (code, large.GetValueOrDefault(code, SmallWorkplaceWeight)))
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
                pool.Add(CreatePerson(random, names, memberIds, host, host.Sector, Catalogue.GroupFounded, activity: OrganiserActivity,
                    profession: random.Pick(OrganiserProfessions),
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
            var ownStart = random.Chance(FromTheStartShare)
                ? Catalogue.GroupFounded
                : random.Between(Catalogue.GroupFounded, new DateTime(2026, 11, 20));
            var start = organisation is null || organisationStart[organisation] < ownStart ? ownStart : organisationStart[organisation];
            // Most members come now and then; a few come to almost everything.
            var activity = ActivityBase + ActivityRange * Math.Pow(random.NextDouble(), ActivityExponent);
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
            var digits = random.PickWeighted(MemberIdDigits);
            memberId = random.NextInt64((long)Math.Pow(10, digits - 1), (long)Math.Pow(10, digits));
        } while (!memberIds.Add(memberId));

        var municipality = Workplace(random, organisation, sector);
        var showUp = Math.Clamp(ShowUpBySector[sector] + (random.NextDouble() - 0.5) * ShowUpSpread, ShowUpFloor, ShowUpCeiling);
        var shares = random.Chance(SharesProfileShare);
        // The network's own organisers answer carefully; everyone else writes the way they always do.
        var careful = title.Length > 0;
        return new Person
        {
            MemberId = memberId,
            FirstName = firstName,
            LastName = lastName,
            MeetupName = random.Chance(ShortMeetupNameShare) ? $"{firstName} {lastName[0]}." : $"{firstName} {lastName}",
            Organisation = organisation,
            Sector = sector,
            Profession = profession,
            Municipality = municipality,
            Activity = activity,
            ShowUpRate = showUp,
            ActiveFrom = activeFrom,
            SharesProfile = careful || shares,
            SectorAnswer = Answer(random, SectorLabels[sector], SectorVariants.GetValueOrDefault(sector), careful ? 0 : SectorVariantShare),
            ProfessionAnswer = Answer(
                random, ProfessionLabels[profession], ProfessionVariants.GetValueOrDefault(profession), careful ? 0 : ProfessionVariantShare),
            OrganisationAnswer = organisation is null
                ? ""
                : Answer(random, organisation.Name, organisation.AnswerVariants, careful ? 0 : OrganisationVariantShare),
            MunicipalityAnswer = Answer(
                random, MunicipalityNames[municipality], MunicipalityVariants.GetValueOrDefault(MunicipalityNames[municipality]),
                careful ? 0 : MunicipalityVariantShare),
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
        return random.Chance(HeadOfficeShare) ? organisation.Municipality : random.PickWeighted(Workplaces);
    }
}
