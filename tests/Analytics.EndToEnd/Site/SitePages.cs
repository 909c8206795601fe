namespace Analytics.EndToEnd.Site;

/// <summary>
/// Every page the browser tests open, in one place: a new page is tested by adding its address here. A page that does
/// not exist (yet) fails every test that opens it; that is deliberate, so a missing page is never mistaken for a pass.
/// </summary>
public static class SitePages
{
    /// <summary>The pages of issue 6 and the import pages, in Swedish (the default language).</summary>
    public static readonly IReadOnlyList<string> Swedish =
    [
        "/",
        "/evenemang",
        "/evenemang/2026-03-23-forsta-motet",
        "/trender",
        "/kvartal",
        "/kvartal/2026Q1",
        "/balans",
        "/rackvidd",
        "/principerna",
        "/oppna-data",
        "/paket",
        "/import",
        "/import/historik",
        // The first batch of the seeded sample data: the sample files go through the ordinary import.
        "/import/batch/1",
        // Accounts and the public pages about the service (issue 8).
        "/konto/logga-in",
        "/konto/losenord",
        "/admin/logg",
        "/admin/konton",
        "/admin/samtycke",
        "/admin/lagring",
        "/admin/mal",
        "/admin/prognos",
        "/tillganglighet",
        "/om-datan",
    ];

    /// <summary>A page of each kind (figures, a list, a report with charts, a form) in English: longer words, other formats.</summary>
    public static readonly IReadOnlyList<string> English =
    [
        "/?culture=en-GB",
        "/evenemang?culture=en-GB",
        "/evenemang/2026-03-23-forsta-motet?culture=en-GB",
        "/kvartal/2026Q1?culture=en-GB",
        "/import?culture=en-GB",
        "/admin/mal?culture=en-GB",
        "/admin/prognos?culture=en-GB",
    ];

    /// <summary>
    /// What each role reaches from its menu, with an event report and a quarterly report it may open and the password
    /// page: the pages above are checked as an admin, and these again as the role sees them (other menus, other lists,
    /// an organiser's own events in detail). Logged out, only the public pages open. Pages in a state no fixed address
    /// reaches (a planned event, a closed check-in, a refusal) are in PageStateTests.
    /// </summary>
    public static readonly IReadOnlyDictionary<SiteRole, IReadOnlyList<string>> ByRole = new Dictionary<SiteRole, IReadOnlyList<string>>
    {
        [SiteRole.Anonymous] = ["/oppna-data", "/tillganglighet", "/om-datan", "/konto/logga-in", "/aterkalla"],
        [SiteRole.Organiser] =
        [
            "/", "/evenemang", $"/evenemang/{LiveSite.EventOfOrganiser}", "/trender", "/kvartal", "/kvartal/2026Q1", "/balans", "/rackvidd",
            "/principerna", "/oppna-data", "/import", "/import/historik", "/konto/losenord", "/tillganglighet", "/om-datan",
        ],
        [SiteRole.Steering] =
        [
            "/", "/evenemang", $"/evenemang/{LiveSite.EventOfOrganiser}", "/trender", "/kvartal", "/kvartal/2026Q1", "/balans", "/rackvidd",
            "/principerna", "/oppna-data", "/paket", "/konto/losenord", "/tillganglighet", "/om-datan",
        ],
    };

    public static TheoryData<SiteRole, string> ForEachRole()
    {
        var data = new TheoryData<SiteRole, string>();
        foreach (var (role, pages) in ByRole)
            foreach (var page in pages)
                data.Add(role, page);
        return data;
    }

    public static TheoryData<string> InSwedish => new(Swedish);

    public static TheoryData<string> InBothLanguages => new(Swedish.Concat(English));
}
