using Analytics.SampleData;
using static Analytics.SampleData.Distributions;
using static Analytics.SampleData.Taxonomy;

namespace Analytics.Cli.Generate;

/// <summary>One line of a generated attendee list: a person's sign-up for one event, with the answers they typed.</summary>
internal sealed class ListRow
{
    public required SyntheticPerson Person { get; init; }
    public required string Role { get; init; }
    public required DateTime RespondedAt { get; init; }
    public string Rsvp { get; set; } = "Yes";
    public int Guests { get; set; }
    public bool Attended { get; set; }
    public string Notes { get; set; } = "";
    public bool UserIdOnlyInUrl { get; set; }
    public string SectorAnswer { get; set; } = "";
    public string ProfessionAnswer { get; set; } = "";
    public string OrganisationAnswer { get; set; } = "";
    public string MunicipalityAnswer { get; set; } = "";
    public string RoleAnswer { get; set; } = "";
    public string ConsentAnswer { get; set; } = "";
}

/// <summary>
/// Who signs up for an event and how they answer, following data-samples/generator's Registrations: organisers from the
/// hosts, speakers, participants drawn by activity and by how far they live from the venue, and those who say no.
/// </summary>
internal sealed class AttendeeLists
{
    private readonly SyntheticNetwork _network;
    private readonly WeightedChoice<SyntheticPerson> _everyone;
    private readonly Dictionary<string, WeightedChoice<SyntheticPerson>> _byMunicipality;
    private readonly Dictionary<string, WeightedChoice<SyntheticPerson>> _bySubregion;

    public AttendeeLists(SyntheticNetwork network)
    {
        _network = network;
        var members = network.People.Where(p => p.MeetupTitle.Length == 0).ToList();
        _everyone = new WeightedChoice<SyntheticPerson>(members.Select(p => (p, p.Activity)));
        _byMunicipality = members.GroupBy(p => p.Municipality)
            .ToDictionary(g => g.Key, g => new WeightedChoice<SyntheticPerson>(g.Select(p => (p, p.Activity))));
        _bySubregion = members.Where(p => Subregion.ContainsKey(p.Municipality)).GroupBy(p => Subregion[p.Municipality])
            .ToDictionary(g => g.Key, g => new WeightedChoice<SyntheticPerson>(g.Select(p => (p, p.Activity))));
    }

    public List<ListRow> Simulate(Random random, SyntheticEvent e, GenerationPlan plan)
    {
        // Announced three to six weeks ahead; planned events have had registrations until today.
        var opens = e.Starts.Date.AddDays(-random.Next(AnnouncedDaysAhead.From, AnnouncedDaysAhead.To))
            .AddHours(random.Next(AnnouncedHour.From, AnnouncedHour.To));
        var closes = e.Planned ? plan.Today : e.Starts.AddHours(-1);
        var rows = new List<ListRow>(e.Rows);
        var taken = new HashSet<int>();

        var organisers = e.Hosts.SelectMany(h => _network.Organisers[h.Index]).ToList();
        var organiserCount = Math.Min(Math.Min(e.Rows, 3), Math.Max(e.Hosts.Count, random.Next(1, 3)));
        while (rows.Count < organiserCount && organisers.Count > 0)
        {
            var organiser = random.Pick(organisers);
            organisers.Remove(organiser);
            taken.Add(organiser.Index);
            rows.Add(new ListRow { Person = organiser, Role = RoleOrganiser, RespondedAt = opens.AddMinutes(random.Next(1, 30)) });
        }

        var speakers = Math.Min(e.Demand - rows.Count, random.Next(e.Shape.MinSpeakers, e.Shape.MaxSpeakers + 1));
        for (var i = 0; i < speakers; i++)
            if (Draw(random, e, taken, closes, p => p.Profession != Student && p.Sector != Medborgare) is { } speaker)
                rows.Add(new ListRow { Person = speaker, Role = RoleSpeaker, RespondedAt = SignUpTime(random, opens, opens.AddDays(3)) });

        while (rows.Count < e.Demand && Draw(random, e, taken, closes) is { } person)
            rows.Add(new ListRow { Person = person, Role = RoleParticipant, RespondedAt = SignUpTime(random, Later(opens, person.ActiveFrom), closes) });
        while (rows.Count < e.Rows && Draw(random, e, taken, closes) is { } declining)
            rows.Add(new ListRow
            {
                Person = declining, Role = RoleParticipant, Rsvp = "No",
                RespondedAt = SignUpTime(random, Later(opens, declining.ActiveFrom), closes),
            });

        rows.Sort((a, b) => a.RespondedAt != b.RespondedAt ? a.RespondedAt.CompareTo(b.RespondedAt) : a.Person.MemberId.CompareTo(b.Person.MemberId));
        var places = e.Capacity;
        foreach (var row in rows.Where(r => r.Rsvp == "Yes"))
            row.Rsvp = places-- > 0 || row.Role != RoleParticipant ? "Yes" : "Waitlist";

        var attendanceKnown = !e.Planned && !e.Classic;
        foreach (var row in rows)
        {
            var yesParticipant = row.Rsvp == "Yes" && row.Role == RoleParticipant;
            if (yesParticipant && random.Chance(GuestShare)) row.Guests = random.Chance(OneGuestShare) ? 1 : 2;
            row.Attended = attendanceKnown && row.Rsvp == "Yes"
                && (!yesParticipant || random.Chance(row.Person.ShowUpRate * (e.Municipality is null ? OnlineShowUpFactor : 1)));
            if (row.Rsvp == "Yes" && !e.Classic && random.Chance(NoteShare)) row.Notes = random.Pick(NoteTexts);
            row.UserIdOnlyInUrl = random.Chance(UserIdOnlyInUrlShare);
            FillAnswers(random, row);
        }
        return rows;
    }

    /// <summary>
    /// A person who is not on the list yet and is a member by the time sign-up closes, drawn as the sample's Affinity
    /// weighs them: four times as likely from the venue's town, twice from its part of the county. Null when none is found.
    /// </summary>
    private SyntheticPerson? Draw(Random random, SyntheticEvent e, HashSet<int> taken, DateTime closes, Func<SyntheticPerson, bool>? fits = null)
    {
        // Many organisations and few people can leave no member who is not an organiser; the list then has organisers only.
        if (_everyone.Total == 0) return null;
        var local = e.Municipality is { } m ? _byMunicipality.GetValueOrDefault(m) : null;
        var area = e.Municipality is { } code && Subregion.TryGetValue(code, out var name) ? _bySubregion.GetValueOrDefault(name) : null;
        var localWeight = SameMunicipalityAffinity * (local?.Total ?? 0);
        var areaWeight = SameSubregionAffinity * ((area?.Total ?? 0) - (local?.Total ?? 0));
        var restWeight = (e.Municipality is null ? 1 : e.Municipality == GoteborgCode ? GoteborgAffinity : ElsewhereAffinity)
            * (_everyone.Total - (area?.Total ?? local?.Total ?? 0));
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var roll = random.NextDouble() * (localWeight + areaWeight + restWeight);
            var person = roll < localWeight ? local!.Draw(random) : roll < localWeight + areaWeight ? area!.Draw(random) : _everyone.Draw(random);
            if (person.ActiveFrom < closes && (fits is null || fits(person)) && taken.Add(person.Index)) return person;
        }
        return null;
    }

    private static void FillAnswers(Random random, ListRow row)
    {
        var person = row.Person;
        // Organisers and speakers fill in every question; participants skip one now and then.
        var skips = row.Role == RoleParticipant;
        string Blank(string answer, double chance) => skips && random.Chance(chance) ? "" : answer;

        row.SectorAnswer = Blank(person.SectorAnswer, SectorBlankShare);
        row.ProfessionAnswer = Blank(person.ProfessionAnswer, ProfessionBlankShare);
        row.OrganisationAnswer = Blank(person.OrganisationAnswer, OrganisationBlankShare);
        row.MunicipalityAnswer = Blank(person.MunicipalityAnswer, MunicipalityBlankShare);
        row.RoleAnswer = row.Role == RoleParticipant ? Blank(RoleParticipant, RoleBlankShare) : row.Role;
        var consents = person.SharesProfile != random.Chance(ConsentChangedShare);
        row.ConsentAnswer = row.Role == RoleParticipant && random.Chance(ConsentBlankShare) ? "" : consents ? "Ja" : "Nej";
    }

    /// <summary>A moment in the window, on the waking hours of some day in it: people rarely sign up at four in the morning.</summary>
    private static DateTime SignUpTime(Random random, DateTime from, DateTime to)
    {
        if (to <= from) return from;
        var day = random.Between(from, to).Date;
        var at = day.AddHours(random.Next(7, 23)).AddMinutes(random.Next(60));
        if (at < from) at = from.AddMinutes(random.Next(1, 120));
        return at > to ? to : at;
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
