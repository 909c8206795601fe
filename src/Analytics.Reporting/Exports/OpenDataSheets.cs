using Analytics.Core.Disclosure;
using Analytics.Core.Taxonomies;
using Analytics.Reporting.Json;
using Analytics.Reporting.Snapshots;

namespace Analytics.Reporting.Exports;

/// <summary>
/// The open data as a workbook or CSV: the licence and method first, then the completed quarters side by side (the trend,
/// and each profile dimension quarter by quarter). The quarters come already protected by the cell-key method
/// (<see cref="ReportReader.ReadPublicQuartersAsync"/>).
/// </summary>
public static class OpenDataSheets
{
    public static ExportDocument Build(IReadOnlyList<QuarterReport> quarters, int k, DateTime madeAtUtc, ExportLanguage language)
    {
        var tables = ReportTables.ByQuarter(quarters, language);
        var about = ReportTables.KeyValues("About", language.Say("Om öppna data"), language,
        [
            (language.Say("Licens"), ExportCell.Of($"CC0 1.0 ({OpenDataJson.LicenceUrl})")),
            (language.Say("Metod"), ExportCell.Of(MethodText.OpenData(k))),
            (language.Say("Kvartal"), ExportCell.Of(string.Join(", ", quarters.Select(q => q.Quarter.Label(language.IsEnglish))))),
            (language.Say("Filen skapad (svensk tid)"), ExportCell.Time(madeAtUtc)),
        ], valueWidth: 90, wrap: true, keyHeader: language.Say("Uppgift"));
        string[] dimensions = [.. ReportTables.ProfileDimensions];
        return new ExportDocument(
            new ExportProperties(language.Say("Öppna data: One Team Gov Västsverige"), language.Say("Öppna data"),
                language.Say("One Team Gov Västsverige; öppna data; kvartal; mångfald; räckvidd"), MethodText.OpenData(k), madeAtUtc,
                language.Culture.Name),
        [
            new ExportSheet(language.Say("Om"), language.Say("Öppna data: One Team Gov Västsverige"), "CC0 1.0", about),
            new ExportSheet(language.Say("Trender"), language.Say("Kvartal för kvartal"), null, tables[0]),
            .. dimensions.Select((d, i) => new ExportSheet(language.Dimension(d), language.Dimension(d), null, tables[i + 1])),
        ]);
    }
}
