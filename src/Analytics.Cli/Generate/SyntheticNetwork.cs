using Analytics.SampleData;
using static Analytics.Cli.Generate.SampleDistributions;
using static Analytics.SampleData.Distributions;
using static Analytics.SampleData.Taxonomy;

namespace Analytics.Cli.Generate;

/// <summary>A fictional organisation. InCatalogue is false for the few that people name but no catalogue lists.</summary>
internal sealed record SyntheticOrganisation(int Index, string Name, string Sector, string Municipality, double Weight,
    DateTime ActiveFrom, bool IsHost, bool InCatalogue);

/// <summary>A fictional member: who they are never changes, so they return across events.</summary>
internal sealed class SyntheticPerson
{
    public required int Index { get; init; }
    public required long MemberId { get; init; }
    public required string MeetupName { get; init; }
    public required SyntheticOrganisation? Organisation { get; init; }
    public required string Sector { get; init; }
    public required string Profession { get; init; }
    public required string Municipality { get; init; }
    public required double Activity { get; init; }
    public required double ShowUpRate { get; init; }
    public required DateTime ActiveFrom { get; init; }
    public required DateTime JoinedGroup { get; init; }
    public required bool SharesProfile { get; init; }
    public required string SectorAnswer { get; init; }
    public required string ProfessionAnswer { get; init; }
    public required string OrganisationAnswer { get; init; }
    public required string MunicipalityAnswer { get; init; }
    /// <summary>Organizer or Co-Organizer for the people who run events for a host organisation; empty for everyone else.</summary>
    public string MeetupTitle { get; init; } = "";
}

/// <summary>
/// The organisations and people of a network at the requested scale, drawn from the sample's distributions. Big
/// organisations are there from the start and smaller ones join over the years, as in the sample.
/// </summary>
internal sealed class SyntheticNetwork
{
    private static readonly Dictionary<string, string> NameStem = new()
    {
        [Kommun] = "Kommunförvaltning", [Region] = "Regionförvaltning", [Stat] = "Statlig myndighet",
        [KommunalSamverkan] = "Kommunalt bolag", [Akademi] = "Lärosäte", [Civilsamhalle] = "Förening",
        [Naringsliv] = "Företag",
    };

    public required IReadOnlyList<SyntheticOrganisation> Organisations { get; init; }
    public required IReadOnlyList<SyntheticPerson> People { get; init; }

    /// <summary>The people who organise events for each host organisation, by organisation index.</summary>
    public required IReadOnlyDictionary<int, SyntheticPerson[]> Organisers { get; init; }

    public static SyntheticNetwork Create(Random random, GenerationPlan plan)
    {
        var organisations = CreateOrganisations(random, plan);
        var people = new List<SyntheticPerson>(plan.People);
        var memberIds = new HashSet<long>();
        var organisers = new Dictionary<int, SyntheticPerson[]>();
        foreach (var host in organisations.Where(o => o.IsHost))
        {
            organisers[host.Index] = [.. Enumerable.Range(0, 2).Select(i => CreatePerson(random, plan, people.Count + i, memberIds, host,
                host.Sector, plan.Starts, activity: OrganiserActivity, random.Pick(OrganiserProfessions),
                title: people.Count == 0 && i == 0 ? "Organizer" : "Co-Organizer"))];
            people.AddRange(organisers[host.Index]);
        }

        var bySector = organisations.GroupBy(o => o.Sector)
            .ToDictionary(g => g.Key, g => new WeightedChoice<SyntheticOrganisation>(g.Select(o => (o, o.Weight))));
        while (people.Count < plan.People)
        {
            var sector = random.PickWeighted(SectorMix);
            var organisation = bySector.TryGetValue(sector, out var choice) ? choice.Draw(random) : null;
            var ownStart = random.Chance(FromTheStartShare) ? plan.Starts : random.Between(plan.Starts, plan.Today);
            var start = organisation is null || organisation.ActiveFrom < ownStart ? ownStart : organisation.ActiveFrom;
            // Most members come now and then; a few come to almost everything.
            var activity = ActivityBase + ActivityRange * Math.Pow(random.NextDouble(), ActivityExponent);
            people.Add(CreatePerson(random, plan, people.Count, memberIds, organisation, sector, start, activity,
                random.PickWeighted(ProfessionMix[sector]), title: ""));
        }
        return new SyntheticNetwork { Organisations = organisations, People = people, Organisers = organisers };
    }

    private static List<SyntheticOrganisation> CreateOrganisations(Random random, GenerationPlan plan)
    {
        // Residents and "other" come without an organisation.
        (string Item, double Weight)[] sectors = [.. SectorMix.Where(s => s.Item is not (Medborgare or OvrigtSector))];
        var counts = new Dictionary<(string, string), int>();
        var organisations = new List<SyntheticOrganisation>(plan.Organisations);
        var perSector = new Dictionary<string, int>();
        for (var i = 0; i < plan.Organisations; i++)
        {
            var sector = random.PickWeighted(sectors);
            var municipality = sector == Stat && random.Chance(0.3) ? "0180" : random.PickWeighted(WesternSweden);
            var number = counts[(sector, municipality)] = counts.GetValueOrDefault((sector, municipality)) + 1;
            var rank = perSector[sector] = perSector.GetValueOrDefault(sector) + 1;
            // A few large organisations and a long tail of small ones, like the sample's weights (60, 45, 14, ... 1).
            var weight = 60 / Math.Pow(rank, 0.9);
            var large = weight >= 5;
            var isHost = sector != Naringsliv && random.Chance(large ? 0.6 : 0.1);
            organisations.Add(new SyntheticOrganisation(i, $"{NameStem[sector]} {MunicipalityName(municipality)} {number}", sector, municipality, weight,
                large || isHost ? plan.Starts : random.Between(plan.Starts, plan.Today), isHost,
                // About one in thirty organisations is named in answers but in no catalogue, as three of the sample's 81 are.
                InCatalogue: isHost || !random.Chance(1 / 30.0)));
        }
        return organisations;
    }

    public static string MunicipalityName(string code) => MunicipalityNames[code];

    private static SyntheticPerson CreatePerson(Random random, GenerationPlan plan, int index, HashSet<long> memberIds,
        SyntheticOrganisation? organisation, string sector, DateTime activeFrom, double activity, string profession, string title)
    {
        var (firstName, lastName) = (random.Pick(FirstNames), random.Pick(LastNames));
        long memberId;
        do
        {
            var digits = random.PickWeighted(MemberIdDigits);
            memberId = random.NextInt64((long)Math.Pow(10, digits - 1), (long)Math.Pow(10, digits));
        } while (!memberIds.Add(memberId));

        var municipality = Workplace(random, organisation, sector);
        var careful = title.Length > 0;
        return new SyntheticPerson
        {
            Index = index,
            MemberId = memberId,
            MeetupName = random.Chance(ShortMeetupNameShare) ? $"{firstName} {lastName[0]}." : $"{firstName} {lastName}",
            Organisation = organisation,
            Sector = sector,
            Profession = profession,
            Municipality = municipality,
            Activity = activity,
            ShowUpRate = Math.Clamp(
                ShowUpBySector[sector] + (random.NextDouble() - 0.5) * ShowUpSpread, ShowUpFloor, ShowUpCeiling),
            ActiveFrom = activeFrom,
            JoinedGroup = random.Between(plan.Starts.AddDays(-30), activeFrom).Date,
            SharesProfile = careful || random.Chance(SharesProfileShare),
            SectorAnswer = Answer(
                random, SectorLabels[sector], SectorVariants.GetValueOrDefault(sector), careful ? 0 : SectorVariantShare),
            ProfessionAnswer = Answer(random, ProfessionLabels[profession], ProfessionVariants.GetValueOrDefault(profession),
                careful ? 0 : ProfessionVariantShare),
            OrganisationAnswer = organisation is null ? "" : OrganisationAnswer(random, organisation.Name, careful),
            MunicipalityAnswer = MunicipalityAnswer(random, municipality),
            MeetupTitle = title,
        };
    }

    private static string Answer(Random random, string canonical, string[]? variants, double variantShare) =>
        variants is { Length: > 0 } && random.Chance(variantShare) ? random.Pick(variants) : canonical;

    /// <summary>
    /// Most write the name as the catalogue does; some in their own case and spacing (which the importer matches), and a
    /// few with a short form nobody has mapped yet, as the sample's "Chalmers" or "SCB".
    /// </summary>
    private static string OrganisationAnswer(Random random, string name, bool careful)
    {
        if (careful || !random.Chance(OrganisationVariantShare)) return name;
        if (random.Chance(0.8)) return random.Chance(0.5) ? name.ToLowerInvariant() : name + " ";
        return string.Concat(name.Split(' ').Select(word => char.IsDigit(word[0]) ? word : word[..1]));
    }

    private static string MunicipalityAnswer(Random random, string code)
    {
        var name = MunicipalityName(code);
        return Answer(random, name, MunicipalityVariants.GetValueOrDefault(name), MunicipalityVariantShare);
    }

    private static string Workplace(Random random, SyntheticOrganisation? organisation, string sector)
    {
        if (organisation is null) return random.PickWeighted(WesternSweden);
        // Regions work all over the county, not only where their head office is.
        if (sector == Region) return random.PickWeighted(WesternSweden);
        if (organisation.Municipality != "0180") return organisation.Municipality;
        // National bodies meet the network through their offices in the west, and now and then from head office.
        return random.Chance(HeadOfficeShare) ? organisation.Municipality : random.PickWeighted(Workplaces);
    }
}
