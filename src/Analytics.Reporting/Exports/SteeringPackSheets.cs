using Analytics.Core.Taxonomies;

namespace Analytics.Reporting.Exports;

/// <summary>
/// The quarterly steering pack: Sammanfattning, Trender, Sektor, Yrke, Organisation, Räckvidd, Balans, Evenemang and
/// Metod (in English: Summary, Trends, Sector, Profession, Organisation, Reach, Balance, Events, Method).
/// </summary>
public static class SteeringPackSheets
{
    public static ExportDocument Build(QuarterExport export, DateTime madeAtUtc, ExportLanguage language)
    {
        var report = export.Report;
        var quarter = export.Quarter.Label(language.IsEnglish);
        var stamp = EventReportSheets.StampLine(export.Stamp, language);
        var source = new ProtectedReportSource(report, quarter);
        var trend = ReportTables.Trend("Trend", export.Trend, language);
        return new ExportDocument(
            new ExportProperties(language.Say("Styrgruppspaket: {0}", quarter), quarter,
                language.Say("One Team Gov Västsverige; styrgrupp; kvartal; mångfald; räckvidd"),
                language.Say("Skyddade siffror: grupper med färre än {0} personer visas som <{0}. Dataversion {1}.", report.K, export.Stamp.DataVersion),
                madeAtUtc, language.Culture.Name),
        [
            new ExportSheet(language.Say("Sammanfattning"), language.Say("Styrgruppspaket: {0}", quarter), stamp,
                ReportTables.KeyFigures("KeyFigures", report, language), ReportTables.Reach("ReachSummary", report, language)),
            new ExportSheet(language.Say("Trender"), $"{language.Say("Trender")}: {quarter}", stamp,
                [trend, ReportTables.DimensionByQuarter("SectorByQuarter", export.Trend, Dimension.Sector.Code(), language)],
                export.Trend.Count > 0
                    ? [new ExportChart(ChartKind.Line, language.Say("Anmälda och deltagare per kvartal"),
                        language.Say("Linjediagram över anmälda, deltagare och personer med delad profil per kvartal. Samma siffror finns i tabellen ovanför."),
                        Table: 0, CategoryColumn: 0, ValueColumns: [2, 3, 4], Rows: export.Trend.Count, BesideTable: 1)]
                    : []),
            EventReportSheets.DimensionSheet(language.Say("Sektor"), "Sector", Dimension.Sector, source, stamp, language, chart: true),
            EventReportSheets.DimensionSheet(language.Say("Yrke"), "Profession", Dimension.Profession, source, stamp, language, chart: true),
            EventReportSheets.DimensionSheet(language.Say("Organisation"), "Organisation", Dimension.Organisation, source, stamp, language, chart: false),
            new ExportSheet(language.Say("Räckvidd"), $"{language.Say("Räckvidd")}: {quarter}", stamp,
                ReportTables.Reach("Reach", report, language),
                ReportTables.Breakdown("Municipality", report, Dimension.Municipality.Code(), language, language.Say("Kommuner"))),
            new ExportSheet(language.Say("Balans"), $"{language.Say("Balans mot målen")}: {quarter}", stamp,
                ReportTables.Balance("Balance", report, language), ReportTables.BalanceSummary("BalanceSummary", report, language)),
            new ExportSheet(language.Say("Evenemang"), $"{language.Say("Evenemang")}: {quarter}", stamp, Events(export, language)),
            MethodTables.Sheet(quarter, report, export.Stamp, madeAtUtc, language),
        ]);
    }

    /// <summary>One row per event of the quarter, each with its own protected headcounts.</summary>
    public static ExportTable Events(QuarterExport export, ExportLanguage language) =>
        new("Events", null,
        [
            new(language.Say("Börjar (svensk tid)"), 18), new(language.Say("Titel"), 48), new(language.Say("Format"), 16),
            new(language.Say("Plats"), 18), new(language.Say("Värdar"), 40, Wrap: true), new(language.Say("Anmälda"), 12),
            new(language.Say("Deltog"), 12), new(language.Say("Med delad profil"), 14), new(language.Say("Effektivt antal sektorer"), 14),
            new(language.Say("Kod"), 36),
        ],
        [
            .. export.Events.Select(e =>
            {
                var (ev, report) = (e.Event, e.Report);
                var p = report?.Participants;
                return ReportTables.Row(ExportCell.Time(ev.StartsAtUtc), ExportCell.Of(ev.Title), ExportCell.Of(EventReportSheets.Format(ev, language)),
                    ExportCell.Of(EventReportSheets.Place(ev, language)), ExportCell.Of(string.Join(", ", ev.Hosts)),
                    p is null ? ExportCell.Dash : ExportCell.Persons(p.Registered, report!),
                    p is null || p.AttendanceUnknown ? ExportCell.Dash : ExportCell.Persons(p.Attended, report!),
                    p is null ? ExportCell.Dash : ExportCell.Persons(p.WithProfile, report!),
                    ExportCell.Decimal(report?.Dimension(Dimension.Sector.Code())?.EffectiveNumber),
                    ExportCell.Of(ev.Slug));
            }),
        ],
        [
            language.Say("Varje evenemangs antal är skyddade var för sig: färre än {0} personer visas som <{0}. – betyder att uppgiften saknas (ingen närvarolista, eller rapporten är inte beräknad än).", export.Report.K),
        ]);
}
