using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;

namespace Analytics.Reporting.Exports;

/// <summary>
/// The Metod sheet every workbook ends with: which data the figures come from and when they were computed, how they
/// were computed, the disclosure rules applied, and each table's own note on what was withheld and why.
/// </summary>
public static class MethodTables
{
    public static ExportSheet Sheet(string scopeName, ProtectedReport report, ExportStamp stamp, DateTime madeAtUtc, ExportLanguage language) =>
        new(language.Say("Metod"), language.Say("Metod och skydd av uppgifterna"), scopeName,
            About(scopeName, report, stamp, madeAtUtc, language), Rules(report.K, language), Notes(report, language));

    public static ExportTable About(string scopeName, ProtectedReport report, ExportStamp stamp, DateTime madeAtUtc, ExportLanguage language) =>
        ReportTables.KeyValues("About", language.Say("Om uppgifterna"), language,
        [
            (language.Say("Omfattning"), ExportCell.Of(scopeName)),
            (language.Say("Dataversion"), ExportCell.Whole(stamp.DataVersion)),
            (language.Say("Beräknad (svensk tid)"), ExportCell.Time(stamp.ComputedAtUtc)),
            (language.Say("Status"), ExportCell.Of(stamp.Stale
                ? language.Say("Nya uppgifter väntar på att räknas in; siffrorna är från beräkningen ovan.")
                : language.Say("Aktuell"))),
            (language.Say("Tröskel k (personer)"), ExportCell.Whole(report.K)),
            (language.Say("Minsta antal med profil för mångfaldsmått"), ExportCell.Whole(DisclosureOptions.MinimumForIndices)),
            (language.Say("Filen skapad (svensk tid)"), ExportCell.Time(madeAtUtc)),
        ], valueWidth: 90, wrap: true, keyHeader: language.Say("Uppgift"));

    public static ExportTable Rules(int k, ExportLanguage language) =>
        ReportTables.KeyValues("Rules", language.Say("Så räknas siffrorna"), language,
        [
            (language.Say("Vad som räknas"), ExportCell.Of(language.Say(
                "Siffrorna kommer från en sparad beräkning av databasen, gjord av ett bakgrundsjobb. Fördelningarna räknar de som deltog när evenemanget har en närvarolista, annars de som anmält sig. Bara den som samtyckt har en profil; övriga räknas i antalen men aldrig i fördelningarna. Gäster räknas bara i antalen."))),
            (language.Say("Tröskel"), ExportCell.Of(language.Say(
                "Grupper med färre än {0} personer visas som <{0}, utan andel. Det gäller varje antal personer i filen.", k))),
            (language.Say("Skydd mot att räkna fram dolda celler"), ExportCell.Of(language.Say(
                "De dolda cellerna i en fördelning täcker tillsammans minst {0} personer; annars döljs nästa minsta cell också, så att ingen dold cell kan räknas fram ur totalen. Skulle allt behöva döljas visas inte fördelningen alls. Talarnas och publikens fördelningar skyddas också mot varandra och mot helheten.", k))),
            (language.Say("Organisationer"), ExportCell.Of(language.Say(
                "En organisation namnges bara när minst {0} personer från den finns i urvalet; övriga redovisas som ”Övriga organisationer inom” sin sektor.", k))),
            (language.Say("Mångfaldsmått"), ExportCell.Of(language.Say(
                "Effektivt antal kategorier (Hill-tal av ordning 1, exp(−Σ p ln p)), Blau-index (1 − Σ n(n − 1) / (N(N − 1))) och jämnhet (Pielou, H / ln S) visas bara när minst {0} personer har delat sin profil. De dolda kategorierna räknas då som en.", DisclosureOptions.MinimumForIndices))),
            (language.Say("Mål"), ExportCell.Of(language.Say(
                "Andelar mot målen har 95 % Wilson-intervall; avstånd = andel − mål; kvot = andel / mål; olikhetsindex D = ½ Σ |andel − mål|. Andelar, avstånd och D visas bara när minst {0} personer har delat sin profil, och D inte alls när någon kategori är dold.", DisclosureOptions.MinimumForIndices))),
            (language.Say("Räckvidd"), ExportCell.Of(language.Say(
                "Antal organisationer, sektorer och kommuner räknar kategorier, inte personer. Band mellan organisationer som möttes på samma evenemang viktas med Newmans samarbetsvikt, 1 / (n − 1) per evenemang med n organisationer. E-I-index = (externa − interna) / (externa + interna) band, där externa band korsar en sektorsgräns."))),
            (language.Say("Källa"), ExportCell.Of("OTG Analytics, One Team Gov Västsverige")),
        ], valueWidth: 90, wrap: true, keyHeader: language.Say("Regel"), valueHeader: language.Say("Beskrivning"));

    /// <summary>Each table's note from disclosure control, named by the table it belongs to.</summary>
    public static ExportTable Notes(ProtectedReport report, ExportLanguage language)
    {
        var notes = new List<(string, ExportCell)>();
        foreach (var code in ReportTables.ProfileDimensions.Append(Dimension.Role.Code()))
            if (report.Dimension(code) is { } b) notes.Add((language.Dimension(code), ExportCell.Of(b.Note)));
        foreach (var (name, subset) in new[] { (language.Say("Talare"), Subset.Speakers), (language.Say("Publik"), Subset.Audience) })
            if (report.Subset(subset)?.Dimensions.GetValueOrDefault(Dimension.Sector.Code()) is { } b)
                notes.Add(($"{name}: {language.Dimension(Dimension.Sector.Code())}", ExportCell.Of(b.Note)));
        if (report.Reach is { } reach) notes.Add((language.Say("Räckvidd"), ExportCell.Of(reach.Note)));
        foreach (var (code, balance) in report.Balance.OrderBy(b => b.Key, StringComparer.Ordinal))
            notes.Add(($"{language.Say("Mål")}: {language.Dimension(code)}", ExportCell.Of(balance.Note)));
        return ReportTables.KeyValues("Notes", language.Say("Vad som doldes och varför"), language, notes, valueWidth: 90, wrap: true,
            keyHeader: language.Say("Tabell"), valueHeader: language.Say("Anmärkning"));
    }
}
