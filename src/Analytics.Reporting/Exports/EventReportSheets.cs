using Analytics.Core.Events;
using Analytics.Core.Taxonomies;

namespace Analytics.Reporting.Exports;

/// <summary>
/// The event report workbook: Sammanfattning, Sektor, Yrke, Organisation, Kommun, Roller, Mål and Metod (in English:
/// Summary, Sector, Profession, Organisation, Municipality, Roles, Targets, Method).
/// </summary>
public static class EventReportSheets
{
    public static ExportDocument Build(EventExport export, DateTime madeAtUtc, ExportLanguage language)
    {
        var (ev, report) = (export.Event, export.Report);
        var stamp = StampLine(export.Stamp, language);
        return new ExportDocument(
            new ExportProperties(language.Say("Evenemangsrapport: {0}", ev.Title), ev.Title,
                language.Say("One Team Gov Västsverige; deltagare; sektor; yrke; organisation; mångfald"),
                language.Say("Skyddade siffror: grupper med färre än {0} personer visas som <{0}. Dataversion {1}.", report.K, export.Stamp.DataVersion),
                madeAtUtc, language.Culture.Name),
        [
            new ExportSheet(language.Say("Sammanfattning"), ev.Title, stamp,
                ReportTables.KeyValues("Event", language.Say("Evenemanget"), language, Facts(ev, language), valueWidth: 60,
                    keyHeader: language.Say("Uppgift")),
                ReportTables.KeyFigures("KeyFigures", report, language)),
            DimensionSheet(language.Say("Sektor"), "Sector", Dimension.Sector, export, stamp, language, chart: true),
            DimensionSheet(language.Say("Yrke"), "Profession", Dimension.Profession, export, stamp, language, chart: true),
            DimensionSheet(language.Say("Organisation"), "Organisation", Dimension.Organisation, export, stamp, language, chart: false),
            DimensionSheet(language.Say("Kommun"), "Municipality", Dimension.Municipality, export, stamp, language, chart: false),
            new ExportSheet(language.Say("Roller"), $"{language.Say("Roller")}: {ev.Title}", stamp,
                ReportTables.Roles("Roles", report, language), ReportTables.Subsets("Groups", report, language),
                ReportTables.SubsetSectors("GroupSectors", report, language)),
            new ExportSheet(language.Say("Mål"), $"{language.Say("Mot målen")}: {ev.Title}", stamp,
                ReportTables.Balance("Targets", report, language), ReportTables.BalanceSummary("TargetSummary", report, language)),
            MethodTables.Sheet(ev.Title, report, export.Stamp, madeAtUtc, language),
        ]);
    }

    /// <summary>The line under each sheet's title: when the figures were computed, and whether newer data waits.</summary>
    public static string StampLine(ExportStamp stamp, ExportLanguage language)
    {
        var computed = Quarter.ToStockholm(stamp.ComputedAtUtc).ToString("yyyy-MM-dd HH:mm", language.Culture);
        return stamp.Stale
            ? language.Say("Beräknad {0}; nya uppgifter väntar på att räknas in.", computed)
            : language.Say("Beräknad {0}.", computed);
    }

    /// <summary>One profile dimension: its cells, its measures, and where asked a bar chart of the cells that are shown.</summary>
    internal static ExportSheet DimensionSheet(string sheetName, string tableName, Dimension dimension, ProtectedReportSource source,
        string stamp, ExportLanguage language, bool chart)
    {
        var code = dimension.Code();
        var shown = ReportTables.ShownCells(source.Report, code);
        var name = language.Dimension(code);
        return new ExportSheet(sheetName, $"{name}: {source.ScopeName}", stamp,
            [ReportTables.Breakdown(tableName, source.Report, code, language), ReportTables.Measures(tableName + "Measures", source.Report, code, language)],
            chart && shown > 0
                ? [new ExportChart(ChartKind.Bar, language.Say("Antal personer per kategori: {0}", name.ToLower(language.Culture)),
                    language.Say("Stapeldiagram över antal personer per kategori ({0}). Samma siffror finns i tabellen bredvid; dolda kategorier visas inte i diagrammet.", name.ToLower(language.Culture)),
                    Table: 0, CategoryColumn: 0, ValueColumns: [1], Rows: shown)]
                : []);
    }

    internal static ExportSheet DimensionSheet(string sheetName, string tableName, Dimension dimension, EventExport export, string stamp,
        ExportLanguage language, bool chart) =>
        DimensionSheet(sheetName, tableName, dimension, new ProtectedReportSource(export.Report, export.Event.Title), stamp, language, chart);

    private static IEnumerable<(string, ExportCell)> Facts(EventFacts ev, ExportLanguage language) =>
    [
        (language.Say("Titel"), ExportCell.Of(ev.Title)),
        (language.Say("Börjar (svensk tid)"), ExportCell.Time(ev.StartsAtUtc)),
        (language.Say("Plats"), ExportCell.Of(Place(ev, language))),
        (language.Say("Format"), ExportCell.Of(Format(ev, language))),
        (language.Say("Värdar"), ExportCell.Of(ev.Hosts.Count == 0 ? "–" : string.Join(", ", ev.Hosts))),
        (language.Say("Kod"), ExportCell.Of(ev.Slug)),
    ];

    public static string Place(EventFacts ev, ExportLanguage language) =>
        ev.MunicipalityCode is null ? ev.Online ? "Online" : "–"
            : Taxonomy.Find(Municipalities.All, ev.MunicipalityCode)?.Name(language.IsEnglish) ?? ev.MunicipalityCode;

    public static string Format(EventFacts ev, ExportLanguage language) =>
        Taxonomy.Find(Taxonomy.EventFormats, ev.FormatCode)?.Name(language.IsEnglish) ?? ev.FormatCode;
}

/// <summary>A protected report and the name of what it covers (an event's title, a quarter), for a sheet's title.</summary>
internal sealed record ProtectedReportSource(Core.Disclosure.ProtectedReport Report, string ScopeName);
