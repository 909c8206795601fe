namespace Analytics.Core.Taxonomies;

/// <summary>
/// The seeded taxonomies. Sector follows SCB's INSEKT 2014 / ESA 2010, profession families map to SSYK 2012 groups,
/// municipalities use SCB's kommunkod. Admins may edit the stored copies; these are the defaults.
/// </summary>
public static class Taxonomy
{
    public const string Abroad = "utland";

    public static readonly IReadOnlyList<Category> Sectors =
    [
        new("stat", "Stat", "Central government", "S.1311"),
        new("region", "Region", "Region", "S.1313"),
        new("kommun", "Kommun", "Municipality", "S.1313"),
        new("kommunal-samverkan", "Kommunalförbund och kommunala bolag", "Municipal associations and companies", "S.1313/S.11"),
        new("akademi", "Akademi", "Academia", "S.1311/S.15"),
        new("civilsamhalle", "Civilsamhälle", "Civil society", "S.15"),
        new("naringsliv", "Näringsliv", "Business", "S.11/S.12"),
        new("medborgare", "Medborgare och invånare", "Citizens and residents", "S.14"),
        new("internationellt", "Internationellt", "International", "S.2"),
        new("ovrigt", "Övrigt", "Other"),
    ];

    public static readonly IReadOnlyList<Category> Professions =
    [
        new("ledning", "Ledning", "Management", "SSYK 1"),
        new("verksamhetsutveckling", "Verksamhetsutveckling", "Business development", "SSYK 242"),
        new("digitalisering-it", "Digitalisering och IT", "Digitalisation and IT", "SSYK 25"),
        new("design-ux", "Design och UX", "Design and UX", "SSYK 216"),
        new("policy-juridik", "Policy, utredning och juridik", "Policy, analysis and law", "SSYK 26"),
        new("kommunikation", "Kommunikation", "Communication", "SSYK 264/243"),
        new("forskning-utbildning", "Forskning och utbildning", "Research and education", "SSYK 21/23"),
        new("vard-omsorg-skola", "Vård, omsorg och skola", "Health, care and school", "SSYK 22/23/53"),
        new("projektledning", "Projektledning", "Project management", "SSYK 242"),
        new("student", "Student", "Student"),
        new("ovrigt", "Övrigt", "Other"),
    ];

    public static readonly IReadOnlyList<Category> Roles =
    [
        new(RoleCodes.Participant, "Deltagare", "Participant"),
        new(RoleCodes.Speaker, "Talare", "Speaker"),
        new(RoleCodes.Organiser, "Arrangör", "Organiser"),
    ];

    public static readonly IReadOnlyList<Category> EventFormats =
    [
        new("traff", "Träff", "Meetup"),
        new("natverksmote", "Nätverksmöte", "Network meeting"),
        new("forelasning", "Föreläsning", "Lecture"),
        new("workshop", "Workshop", "Workshop"),
        new("konferens", "Konferens", "Conference"),
    ];

    public static IReadOnlyList<Category> For(Dimension dimension) => dimension switch
    {
        Dimension.Sector => Sectors,
        Dimension.Profession => Professions,
        Dimension.Municipality => Municipalities.All,
        Dimension.Role => Roles,
        _ => [],
    };

    public static Category? Find(IReadOnlyList<Category> categories, string? code) =>
        code is null ? null : categories.FirstOrDefault(c => c.Code == code);

    /// <summary>The category's place in the list, for ordering by the taxonomy; an unknown code goes after all of them.</summary>
    public static int Order(IReadOnlyList<Category> categories, string? code)
    {
        for (var i = 0; i < categories.Count; i++)
            if (categories[i].Code == code) return i;
        return categories.Count;
    }
}

public static class RoleCodes
{
    public const string Participant = "deltagare";
    public const string Speaker = "talare";
    public const string Organiser = "arrangor";
}
