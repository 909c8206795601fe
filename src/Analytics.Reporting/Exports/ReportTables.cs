using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Reporting.Snapshots;

namespace Analytics.Reporting.Exports;

/// <summary>
/// The tables of a protected report, as every export writes them: breakdowns, their measures, roles, balance against
/// targets, reach and trends. Reusable on their own (open data writes the per-dimension tables of each quarter).
/// </summary>
public static class ReportTables
{
    private const double LabelWidth = 44;
    private const double NumberWidth = 14;

    /// <summary>The profile dimensions, in the order the exports show them.</summary>
    public static readonly IReadOnlyList<string> ProfileDimensions =
        [Dimension.Sector.Code(), Dimension.Profession.Code(), Dimension.Organisation.Code(), Dimension.Municipality.Code()];

    /// <summary>A breakdown's cells: category, count ("&lt;k" where suppressed) and share. Suppressed cells come last.</summary>
    public static ExportTable Breakdown(string name, ProtectedReport report, string dimension, ExportLanguage language, string? caption = null)
    {
        var breakdown = report.Dimension(dimension);
        var rows = breakdown is null || breakdown.Withheld
            ? []
            : breakdown.Cells.Select(c => Row(ExportCell.Of(language.Label(dimension, c)), ExportCell.Persons(c.Count, report), Share(c))).ToList();
        return new ExportTable(name, caption,
            [new(language.Dimension(dimension), LabelWidth), new(language.Say("Antal"), NumberWidth), new(language.Say("Andel"), NumberWidth)],
            rows, breakdown is null ? [language.Say("Ingen data.")] : rows.Count == 0 ? [breakdown.Note] : []);
    }

    /// <summary>How many rows of <see cref="Breakdown"/> hold numbers (the rest are suppressed): what a chart may draw.</summary>
    public static int ShownCells(ProtectedReport report, string dimension) =>
        report.Dimension(dimension) is { Withheld: false } b ? b.Cells.Count(c => !c.Suppressed && c.Count is not null) : 0;

    /// <summary>A breakdown's total and diversity measures, with its note on what was suppressed (a withheld one says why under its cells).</summary>
    public static ExportTable Measures(string name, ProtectedReport report, string dimension, ExportLanguage language)
    {
        var b = report.Dimension(dimension);
        var shown = b is { Withheld: false };
        return KeyValues(name, language.Say("Totalt och mångfaldsmått"), language,
        [
            (language.Say("Totalt med profil"), shown ? ExportCell.Persons(b!.Total, report) : ExportCell.Dash),
            (language.Say("Effektivt antal kategorier"), ExportCell.Decimal(b?.EffectiveNumber)),
            (language.Say("Blau-index (Gini–Simpson)"), ExportCell.Decimal(b?.Blau)),
            (language.Say("Jämnhet (Pielou)"), ExportCell.Decimal(b?.Evenness)),
        ], shown ? [b!.Note] : []);
    }

    /// <summary>The roles' breakdown, as <see cref="Breakdown"/>.</summary>
    public static ExportTable Roles(string name, ProtectedReport report, ExportLanguage language) =>
        Breakdown(name, report, Dimension.Role.Code(), language, language.Say("Roller bland de räknade"));

    /// <summary>Speakers, audience and all yes registrations: how many are counted, and how many of them shared a profile.</summary>
    public static ExportTable Subsets(string name, ProtectedReport report, ExportLanguage language) =>
        new(name, language.Say("Talare, publik och anmälda"),
            [new(language.Say("Grupp"), LabelWidth), new(language.Say("Räknade"), NumberWidth), new(language.Say("Med profil"), NumberWidth)],
            [.. SubsetNames.Where(s => report.Subset(s) is not null).Select(s => Row(ExportCell.Of(SubsetName(s, language)),
                ExportCell.Persons(report.Subset(s)!.Counted, report), ExportCell.Persons(report.Subset(s)!.WithProfile, report)))]);

    /// <summary>The sector mix of the speakers beside the audience's, one row per group and sector.</summary>
    public static ExportTable SubsetSectors(string name, ProtectedReport report, ExportLanguage language)
    {
        var sector = Dimension.Sector.Code();
        var rows = new List<IReadOnlyList<ExportCell>>();
        var notes = new List<string>();
        foreach (var s in new[] { Subset.Speakers, Subset.Audience })
        {
            if (report.Subset(s)?.Dimensions.GetValueOrDefault(sector) is not { } b) continue;
            if (b.Withheld || b.Cells.Count == 0) notes.Add($"{SubsetName(s, language)}: {b.Note}");
            else rows.AddRange(b.Cells.Select(c => Row(ExportCell.Of(SubsetName(s, language)), ExportCell.Of(language.Label(sector, c)),
                ExportCell.Persons(c.Count, report), Share(c))));
        }
        return new ExportTable(name, language.Say("Sektor bland talare och publik"),
            [
                new(language.Say("Grupp"), LabelWidth), new(language.Dimension(sector), LabelWidth),
                new(language.Say("Antal"), NumberWidth), new(language.Say("Andel"), NumberWidth),
            ],
            rows, notes);
    }

    /// <summary>Each dimension with targets against them: count, share with its Wilson interval, target, gap and ratio.</summary>
    public static ExportTable Balance(string name, ProtectedReport report, ExportLanguage language)
    {
        var rows = report.Balance.OrderBy(b => b.Key, StringComparer.Ordinal)
            .SelectMany(b => b.Value.Cells.Select(c => Row(ExportCell.Of(language.Dimension(b.Key)), ExportCell.Of(language.Label(b.Key, c.Code, c.Label)),
                ExportCell.Persons(c.Count, report), ExportCell.Share(c.Share), ExportCell.Share(c.Low), ExportCell.Share(c.High),
                ExportCell.Share(c.Target), ExportCell.Share(c.Gap), ExportCell.Decimal(c.Ratio))))
            .ToList();
        return new ExportTable(name, language.Say("Fördelning mot målen"),
        [
            new(language.Say("Dimension"), 16), new(language.Say("Kategori"), LabelWidth), new(language.Say("Antal"), NumberWidth),
            new(language.Say("Andel"), NumberWidth), new(language.Say("Lägre gräns (95 %)"), NumberWidth), new(language.Say("Övre gräns (95 %)"), NumberWidth),
            new(language.Say("Mål (andel)"), NumberWidth), new(language.Say("Avstånd till mål"), NumberWidth), new(language.Say("Kvot mot mål"), NumberWidth),
        ], rows, report.Balance.Count == 0 ? [language.Say("Inga mål är satta för de här dimensionerna.")] : []);
    }

    /// <summary>Each dimension's dissimilarity index D against its targets, and whether the targets are examples.</summary>
    public static ExportTable BalanceSummary(string name, ProtectedReport report, ExportLanguage language) =>
        new(name, language.Say("Olikhetsindex per dimension"),
            [new(language.Say("Dimension"), 16), new(language.Say("Olikhetsindex D"), NumberWidth), new(language.Say("Exempelmål"), NumberWidth)],
            [.. report.Balance.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => Row(ExportCell.Of(language.Dimension(b.Key)),
                ExportCell.Decimal(b.Value.Dissimilarity), ExportCell.Of(language.YesNo(b.Value.IsExample))))],
            [.. report.Balance.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{language.Dimension(b.Key)}: {b.Value.Note}")]);

    /// <summary>Reach across organisations, sectors and municipalities, and the tie network in summary.</summary>
    public static ExportTable Reach(string name, ProtectedReport report, ExportLanguage language)
    {
        if (report.Reach is not { } r)
            return KeyValues(name, language.Say("Räckvidd"), language, [],
                [language.Say("Räckvidden finns inte i den här beräkningen; den kommer med nästa omräkning.")]);
        return KeyValues(name, language.Say("Räckvidd"), language,
        [
            (language.Say("Organisationer"), ExportCell.Whole(r.Organisations)),
            (language.Say("Sektorer"), ExportCell.Whole(r.Sectors)),
            (language.Say("Kommuner"), ExportCell.Whole(r.Municipalities)),
            (language.Say("Nya organisationer"), ExportCell.Whole(r.NewOrganisations)),
            (language.Say("Återkommande deltagare"), ExportCell.Persons(r.ReturningAttendees, report)),
            (language.Say("Andel evenemang med minst tre sektorer"), ExportCell.Share(r.ShareOfCrossSectorEvents)),
            (language.Say("Andel evenemang med flera värdar"), ExportCell.Share(r.ShareOfCoHostedEvents)),
            (language.Say("Band mellan organisationer"), ExportCell.Whole(r.Ties.Count)),
            (language.Say("Summa av bandens vikter (Newman)"), ExportCell.Decimal(r.Ties.TotalWeight)),
            (language.Say("E-I-index över sektorsgränser"), ExportCell.Decimal(r.Ties.EiIndex)),
        ], [r.Note]);
    }

    /// <summary>Headcounts and the headline diversity of the scope.</summary>
    public static ExportTable KeyFigures(string name, ProtectedReport report, ExportLanguage language)
    {
        var p = report.Participants;
        var notes = p.AttendanceUnknown ? new[] { language.Say("Ingen närvarolista finns, så fördelningarna bygger på anmälningar.") } : [];
        List<(string, ExportCell)> rows = [];
        if (report.Events is { } events)
        {
            rows.Add((language.Say("Evenemang"), ExportCell.Whole(events)));
            rows.Add((language.Say("Evenemang med närvarolista"), ExportCell.Whole(report.EventsWithAttendance)));
        }
        rows.AddRange(
        [
            (language.Say("Anmälda"), ExportCell.Persons(p.Registered, report)),
            (language.Say("Deltog"), p.AttendanceUnknown ? ExportCell.Dash : ExportCell.Persons(p.Attended, report)),
            (language.Say("Med delad profil"), ExportCell.Persons(p.WithProfile, report)),
            (language.Say("Effektivt antal sektorer"), ExportCell.Decimal(report.Dimension(Dimension.Sector.Code())?.EffectiveNumber)),
            (language.Say("Effektivt antal yrken"), ExportCell.Decimal(report.Dimension(Dimension.Profession.Code())?.EffectiveNumber)),
            (language.Say("Organisationer"), report.Reach is { } r ? ExportCell.Whole(r.Organisations) : ExportCell.Dash),
            (language.Say("Sektorer"), report.Reach is { } s ? ExportCell.Whole(s.Sectors) : ExportCell.Dash),
            (language.Say("Kommuner"), report.Reach is { } m ? ExportCell.Whole(m.Municipalities) : ExportCell.Dash),
        ]);
        return KeyValues(name, language.Say("Nyckeltal"), language, rows, notes);
    }

    /// <summary>One row per quarter, oldest first: headcounts, diversity and reach.</summary>
    public static ExportTable Trend(string name, IReadOnlyList<QuarterReport> quarters, ExportLanguage language) =>
        new(name, language.Say("Kvartal för kvartal"),
        [
            new(language.Say("Kvartal"), 18), new(language.Say("Evenemang"), NumberWidth), new(language.Say("Anmälda"), NumberWidth),
            new(language.Say("Deltog"), NumberWidth), new(language.Say("Med delad profil"), NumberWidth),
            new(language.Say("Effektivt antal sektorer"), NumberWidth), new(language.Say("Effektivt antal yrken"), NumberWidth),
            new(language.Say("Organisationer"), NumberWidth), new(language.Say("Sektorer"), NumberWidth), new(language.Say("Kommuner"), NumberWidth),
            new(language.Say("Nya organisationer"), NumberWidth), new(language.Say("Återkommande deltagare"), NumberWidth),
            new(language.Say("Andel evenemang med minst tre sektorer"), NumberWidth),
        ],
        [
            .. quarters.Select(q =>
            {
                var (report, p, reach) = (q.Report, q.Report.Participants, q.Report.Reach);
                return Row(ExportCell.Of(q.Quarter.Label(language.IsEnglish)), ExportCell.Whole(report.Events),
                    ExportCell.Persons(p.Registered, report), p.AttendanceUnknown ? ExportCell.Empty : ExportCell.Persons(p.Attended, report),
                    ExportCell.Persons(p.WithProfile, report),
                    ExportCell.Decimal(report.Dimension(Dimension.Sector.Code())?.EffectiveNumber),
                    ExportCell.Decimal(report.Dimension(Dimension.Profession.Code())?.EffectiveNumber),
                    ExportCell.Whole(reach?.Organisations), ExportCell.Whole(reach?.Sectors), ExportCell.Whole(reach?.Municipalities),
                    ExportCell.Whole(reach?.NewOrganisations), reach is null ? ExportCell.Dash : ExportCell.Persons(reach.ReturningAttendees, report),
                    ExportCell.Share(reach?.ShareOfCrossSectorEvents));
            }),
        ],
        // Empty rather than "–", so a trend chart leaves a gap instead of drawing a fall to zero.
        quarters.Any(q => q.Report.Participants.AttendanceUnknown) ? [language.Say("Tom cell under Deltog: kvartalet har ingen närvarolista.")] : []);

    /// <summary>
    /// One dimension over several quarters, in long form (quarter, category, count, share), each quarter as its own
    /// protected report shows it.
    /// </summary>
    public static ExportTable DimensionByQuarter(string name, IReadOnlyList<QuarterReport> quarters, string dimension, ExportLanguage language) =>
        new(name, language.Say("{0} kvartal för kvartal", language.Dimension(dimension)),
            [
                new(language.Say("Kvartal"), 18), new(language.Dimension(dimension), LabelWidth),
                new(language.Say("Antal"), NumberWidth), new(language.Say("Andel"), NumberWidth),
            ],
            [
                .. quarters.SelectMany(q => q.Report.Dimension(dimension) is { Withheld: false } b
                    ? b.Cells.Select(c => Row(ExportCell.Of(q.Quarter.Label(language.IsEnglish)), ExportCell.Of(language.Label(dimension, c)),
                        ExportCell.Persons(c.Count, q.Report), Share(c)))
                    : []),
            ],
            [.. quarters.Where(q => q.Report.Dimension(dimension) is null or { Withheld: true })
                .Select(q => $"{q.Quarter.Label(language.IsEnglish)}: {q.Report.Dimension(dimension)?.Note ?? language.Say("Ingen data.")}")]);

    /// <summary>
    /// Quarters side by side, as open data publishes them: the trend, then each profile dimension quarter by quarter
    /// (tables Trend, SectorByQuarter, ProfessionByQuarter, OrganisationByQuarter, MunicipalityByQuarter).
    /// </summary>
    public static IReadOnlyList<ExportTable> ByQuarter(IReadOnlyList<QuarterReport> quarters, ExportLanguage language) =>
    [
        Trend("Trend", quarters, language),
        .. ProfileDimensions.Select(d => DimensionByQuarter($"{char.ToUpperInvariant(d[0])}{d[1..]}ByQuarter", quarters, d, language)),
    ];

    /// <summary>A two-column table of named values (Mått, Värde).</summary>
    public static ExportTable KeyValues(string name, string? caption, ExportLanguage language, IEnumerable<(string Label, ExportCell Value)> rows,
        IReadOnlyList<string>? notes = null, double valueWidth = 22, bool wrap = false, string? keyHeader = null, string? valueHeader = null) =>
        new(name, caption, [new(keyHeader ?? language.Say("Mått"), LabelWidth), new(valueHeader ?? language.Say("Värde"), valueWidth, wrap)],
            [.. rows.Select(r => Row(ExportCell.Of(r.Label), r.Value))], notes ?? []);

    public static IReadOnlyList<ExportCell> Row(params ExportCell[] cells) => cells;

    private static ExportCell Share(ProtectedCell cell) => cell.Suppressed ? ExportCell.Dash : ExportCell.Share(cell.Share);

    private static readonly string[] SubsetNames = [Subset.Speakers, Subset.Audience, Subset.Registered];

    private static string SubsetName(string subset, ExportLanguage language) => subset switch
    {
        Subset.Speakers => language.Say("Talare"),
        Subset.Audience => language.Say("Publik"),
        Subset.Registered => language.Say("Alla anmälda"),
        _ => subset,
    };
}
