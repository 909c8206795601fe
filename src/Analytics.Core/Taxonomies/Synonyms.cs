namespace Analytics.Core.Taxonomies;

/// <summary>
/// Answers known to mean a category, beyond its code and names. Seeded with the taxonomy; organisers add more when
/// they map an unknown answer. Answers written "A / B" also match when either part matches.
/// </summary>
public static class Synonyms
{
    public static readonly IReadOnlyDictionary<(Dimension, string), string[]> Defaults = new Dictionary<(Dimension, string), string[]>
    {
        [(Dimension.Sector, "stat")] = ["statlig myndighet", "statlig förvaltning", "government agency"],
        [(Dimension.Sector, "kommun")] = ["kommunal förvaltning"],
        [(Dimension.Sector, "kommunal-samverkan")] = ["kommunalförbund", "kommunalt bolag", "kommunalförbund eller kommunalt bolag", "kommunala bolag"],
        [(Dimension.Sector, "akademi")] = ["universitet", "universitet och högskola", "universitet eller högskola", "academia", "university"],
        [(Dimension.Sector, "civilsamhalle")] = ["ideell sektor", "civil society", "idéburen sektor"],
        [(Dimension.Sector, "naringsliv")] = ["företag", "business", "private sector", "privat sektor"],
        [(Dimension.Sector, "medborgare")] = ["medborgare", "invånare", "citizen", "resident"],
        [(Dimension.Sector, "internationellt")] = ["internationell organisation", "internationell", "international organisation"],
        [(Dimension.Sector, "ovrigt")] = ["annat", "annan", "other"],
        [(Dimension.Profession, "ledning")] = ["chef", "ledning", "manager", "management"],
        [(Dimension.Profession, "verksamhetsutveckling")] = ["verksamhetsutvecklare", "business developer"],
        [(Dimension.Profession, "digitalisering-it")] = ["digitalisering", "it", "digitalisation"],
        [(Dimension.Profession, "design-ux")] = ["design", "ux", "designer", "tjänstedesigner"],
        [(Dimension.Profession, "policy-juridik")] = ["utredare, policy eller juridik", "utredare", "jurist", "policy"],
        [(Dimension.Profession, "kommunikation")] = ["kommunikatör", "communicator"],
        [(Dimension.Profession, "forskning-utbildning")] = ["forskare", "lärare", "researcher", "teacher"],
        [(Dimension.Profession, "vard-omsorg-skola")] = ["vård, omsorg eller skola", "vård", "omsorg", "skola"],
        [(Dimension.Profession, "projektledning")] = ["projektledare", "project manager"],
        [(Dimension.Profession, "ovrigt")] = ["annat", "annan", "other"],
        [(Dimension.Municipality, Taxonomy.Abroad)] = ["utomlands", "utanför sverige", "abroad", "outside sweden"],
    };

    public static string[] For(Dimension dimension, string code) =>
        Defaults.TryGetValue((dimension, code), out var synonyms) ? synonyms : [];
}
