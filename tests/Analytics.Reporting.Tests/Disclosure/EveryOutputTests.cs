using System.Text;
using System.Text.Json;
using Analytics.Core.Disclosure;
using Analytics.Core.Organisations;
using Analytics.Core.Reports;
using Analytics.Core.Events;
using Analytics.Data;
using Analytics.Reporting.Charts;
using Analytics.Reporting.Csv;
using Analytics.Reporting.Excel;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Json;
using Analytics.Reporting.Snapshots;
using Analytics.Reporting.Tests.Snapshots;
using Analytics.Testing;

namespace Analytics.Reporting.Tests.Disclosure;

/// <summary>
/// Random networks from fixed seeds, through the whole pipeline: recompute every scope, read each the way pages, exports
/// and the command line do (and the quarters the way open data does, and every filtered view the UI offers), write every
/// output, and search the bytes. No output may show a count of 1..k−1 people or name an organisation with fewer than k
/// people in the scope.
/// </summary>
public sealed class EveryOutputTests
{
    private const int K = 5;
    private static readonly string[] Sectors = ["kommun", "region", "stat", "akademi", "civilsamhalle", "naringsliv"];
    private static readonly string[] Professions = ["ledning", "digitalisering-it", "design-ux", "kommunikation", "student"];
    private static readonly DisclosureControl Disclosure = new(new DisclosureOptions { K = K });

    /// <summary>
    /// Every seed on SQLite, and the first on PostgreSQL too. A seed is about ten seconds of writing outputs whatever the
    /// database, and all six on PostgreSQL added over a minute to the run (measured 67 s); the reads are the same queries
    /// for each seed, so one seed shows they return the same on PostgreSQL, and the other seeds vary only the data.
    /// </summary>
    public static TheoryData<string, int> Seeds
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var seed in new[] { 1, 2, 3, 4, 5, 6 }) data.Add("sqlite", seed);
            if (TestDatabase.AvailableProviders.Contains("postgres")) data.Add("postgres", 1);
            return data;
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public async Task No_output_shows_a_small_count_or_names_a_small_organisation(string provider, int seed)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisations = await ArrangeAsync(database, new Random(seed));
        await using var db = database.Open();
        var recompute = new Recompute(db);
        await recompute.Recomputer.RecomputeAsync(all: true);
        var reader = new ReportReader(recompute.Store, Disclosure);
        var scopes = await recompute.Recomputer.ScopesAsync();
        scopes.Count.ShouldBeGreaterThanOrEqualTo(8);

        var problems = new List<string>();
        foreach (var scope in scopes)
        {
            var raw = (await recompute.Store.LoadAsync(scope))!.Figures;
            var small = SmallOrganisations(raw, organisations);
            var published = (await reader.ReadAsync(scope))!.Report;
            problems.AddRange(Check($"{scope.Kind} {scope.Key}", published, small));
            problems.AddRange(await CheckExportsAsync(db, reader, scope, small));
            problems.AddRange(NamedOnlyWhereLargeEnough($"{scope.Kind} {scope.Key}", raw, published));
            // The tie network is read apart from the report, for the reach page's picture and table: it names no one small either.
            if (await reader.ReadTieGraphAsync(scope) is { } graph) problems.AddRange(Check($"{scope.Kind} {scope.Key} network", graph, small));
            if (scope.Kind is ReportScope.QuarterKind or ReportScope.HostKind)
            {
                var within = (await reader.ReadWithinAsync(scope, ReportScope.AllTime))!;
                if (within.Published is { } view) problems.AddRange(Check($"{scope.Kind} {scope.Key} within all time", view.Report, small));
                else within.Refusal.ShouldNotBeNullOrWhiteSpace();
            }
        }
        foreach (var quarter in await reader.ReadPublicQuartersAsync(new DateTime(2030, 1, 1)))
        {
            var raw = (await recompute.Store.LoadAsync(ReportScope.ForQuarter(quarter.Quarter)))!.Figures;
            // Noise adds at most 2 persons, so only an organisation k − 3 or smaller is sure to stay unnamed in open data.
            var small = SmallOrganisations(raw, organisations, below: K - CellKey.MaximumNoise);
            problems.AddRange(Check($"open data {quarter.Quarter}", quarter.Report, small));
        }
        var open = await reader.ReadPublicQuartersAsync(new DateTime(2030, 1, 1));
        // The open data files hold every quarter: an organisation may be named in one quarter and small in another.
        var perQuarter = new List<(List<string> Small, List<string> Large)>();
        foreach (var q in open)
        {
            var raw = (await recompute.Store.LoadAsync(ReportScope.ForQuarter(q.Quarter)))!.Figures;
            var small = SmallOrganisations(raw, organisations, below: K - CellKey.MaximumNoise);
            perQuarter.Add((small, [.. SmallOrganisations(raw, organisations, below: int.MaxValue).Except(small)]));
        }
        var smallEverywhere = perQuarter.SelectMany(q => q.Small).Except(perQuarter.SelectMany(q => q.Large)).ToList();
        problems.AddRange(CheckFiles("open data", OpenDataSheets.Build(open, K, MadeAt, ExportLanguage.Swedish), smallEverywhere));
        problems.ShouldBeEmpty();
    }

    private static readonly DateTime MadeAt = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The Excel and CSV exports of an event or a quarter (the steering pack), in both languages.</summary>
    private static async Task<IEnumerable<string>> CheckExportsAsync(AnalyticsDbContext db, ReportReader reader, ReportScope scope,
        IReadOnlyList<string> small)
    {
        var exports = new ExportReader(db, reader);
        var documents = new List<ExportDocument>();
        foreach (var language in new[] { ExportLanguage.Swedish, ExportLanguage.English })
        {
            if (scope.Kind == ReportScope.EventKind && await exports.ReadEventAsync(scope.Key) is { } ev)
                documents.Add(EventReportSheets.Build(ev, MadeAt, language));
            if (scope.Kind == ReportScope.QuarterKind && Quarter.TryParse(scope.Key, out var q) && await exports.ReadQuarterAsync(q) is { } pack)
                documents.Add(SteeringPackSheets.Build(pack, MadeAt, language));
        }
        return documents.SelectMany(d => CheckFiles($"{scope.Kind} {scope.Key}", d, small)).ToList();
    }

    /// <summary>The document as a workbook and as CSV: no count of 1..k−1 in any cell, and no small organisation's name in the bytes.</summary>
    private static IEnumerable<string> CheckFiles(string where, ExportDocument document, IReadOnlyList<string> small)
    {
        var language = document.Properties.Language.StartsWith("en", StringComparison.Ordinal) ? ExportLanguage.English : ExportLanguage.Swedish;
        var xlsx = WorkbookWriter.Bytes(document);
        using (var file = XlsxFile.Open(xlsx))
            foreach (var found in SmallCounts.InWorkbook(file, K)) yield return $"{where}, xlsx: {found}";
        var text = Unzipped(xlsx);
        foreach (var name in small.Where(n => text.Contains(n, StringComparison.Ordinal))) yield return $"{where}, xlsx: names {name}";

        using var stream = new MemoryStream();
        var dialect = CsvDialect.For(language);
        CsvTables.WriteAsync(stream, document.Tables, dialect).GetAwaiter().GetResult();
        var csv = Encoding.UTF8.GetString(stream.ToArray());
        foreach (var found in SmallCounts.InCsv(csv, dialect.Separator, K)) yield return $"{where}, csv: {found}";
        foreach (var name in small.Where(n => csv.Contains(n, StringComparison.Ordinal))) yield return $"{where}, csv: names {name}";
    }

    /// <summary>Every part of the .xlsx package as text: the shared strings, sheets, charts and properties.</summary>
    private static string Unzipped(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        return string.Concat(zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    /// <summary>Everything one protected report is written as, by every writer there is.</summary>
    private static IEnumerable<(string Output, byte[] Bytes)> Outputs(ProtectedReport report)
    {
        yield return ("json", Encoding.UTF8.GetBytes(ReportJson.Serialize(report)));
        foreach (var (code, breakdown) in report.Dimensions.Where(d => d.Value is { Withheld: false, Cells.Count: > 0 }))
            yield return ($"{code} chart", Encoding.UTF8.GetBytes(BreakdownChart.Svg(breakdown)));
    }

    private static IEnumerable<string> Check(string where, ProtectedReport report, IReadOnlyList<string> smallOrganisations)
    {
        foreach (var (output, bytes) in Outputs(report))
        {
            foreach (var name in smallOrganisations)
                if (Contains(bytes, name)) yield return $"{where}, {output}: names {name} in {Around(bytes, name)}";
            if (output == "json")
                foreach (var count in Counts(JsonDocument.Parse(bytes).RootElement).Where(c => c is > 0 and < K))
                    yield return $"{where}, json: shows a count of {count}";
        }
    }

    /// <summary>The tie network as the reach page writes it: the picture (SVG) and the JSON of its nodes and ties.</summary>
    private static IEnumerable<string> Check(string where, ProtectedTieGraph graph, IReadOnlyList<string> smallOrganisations)
    {
        var outputs = new List<(string, byte[])> { ("json", JsonSerializer.SerializeToUtf8Bytes(graph, JsonSerializerOptions.Web)) };
        if (TieNetworkChart.Of(graph, "Nätverket", "Nätverket") is { } chart) outputs.Add(("chart", Encoding.UTF8.GetBytes(chart.Svg("natverk"))));
        foreach (var (output, bytes) in outputs)
            foreach (var name in smallOrganisations.Where(n => Contains(bytes, n)))
                yield return $"{where}, {output}: names {name} in {Around(bytes, name)}";
    }

    private static string Around(byte[] bytes, string name)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf(name, StringComparison.Ordinal);
        return at < 0 ? "(encoded)" : text[Math.Max(0, at - 300)..Math.Min(text.Length, at + 100)];
    }

    private static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
        || bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(System.Net.WebUtility.HtmlEncode(text))) >= 0;

    /// <summary>
    /// The organisations in the scope with fewer than k people in each of its populations (all counted, and each subset:
    /// speakers, audience, registered). An organisation with k registrations may be named among the registered even
    /// where fewer came; <see cref="NamedOnlyWhereLargeEnough"/> checks each population on its own.
    /// </summary>
    private static List<string> SmallOrganisations(ReportFigures raw, IReadOnlyDictionary<int, string> organisations, int below = K)
    {
        var populations = Populations(raw).Select(p => p.Raw).ToList();
        return [.. organisations.Where(o =>
                populations.Any(p => p.Tallies.Any(t => t.Code == Code(o.Key)))
                && populations.All(p => (p.Tallies.FirstOrDefault(t => t.Code == Code(o.Key))?.Persons ?? 0) < below))
            .Select(o => o.Value)];
    }

    /// <summary>In every population of the report, each organisation shown by name has at least k people in that population.</summary>
    private static IEnumerable<string> NamedOnlyWhereLargeEnough(string where, ReportFigures raw, ProtectedReport report)
    {
        foreach (var (name, population) in Populations(raw))
        {
            var shown = name == "all" ? report.Dimension("organisation") : report.Subset(name)?.Dimensions.GetValueOrDefault("organisation");
            foreach (var cell in shown?.Cells.Where(c => !c.Suppressed && !c.Code.StartsWith("ovriga:", StringComparison.Ordinal)) ?? [])
                if (population.Tallies.FirstOrDefault(t => t.Code == cell.Code)?.Persons is not >= K)
                    yield return $"{where}, {name}: names {cell.Label} with fewer than {K} people";
        }
    }

    private static IEnumerable<(string Name, Breakdown Raw)> Populations(ReportFigures raw)
    {
        if (raw.Find("organisation") is { } all) yield return ("all", all);
        foreach (var subset in raw.Subsets)
            if (subset.Breakdowns.FirstOrDefault(b => b.Dimension == "organisation") is { } part) yield return (subset.Name, part);
    }

    private static string Code(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every number under a property that holds a count of people.</summary>
    private static IEnumerable<int> Counts(JsonElement element)
    {
        string[] names = ["count", "registered", "attended", "withProfile", "total", "counted", "returningAttendees"];
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (names.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.Number) yield return property.Value.GetInt32();
                foreach (var inner in Counts(property.Value)) yield return inner;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            foreach (var inner in Counts(item)) yield return inner;
        }
    }

    /// <summary>
    /// A small random network over two quarters: organisations of 1 to 9 people, events of a few to a few dozen, some
    /// hosts, speakers, no-shows and people without a profile. Organisation names are unique words to search for.
    /// </summary>
    private static async Task<Dictionary<int, string>> ArrangeAsync(TestDatabase database, Random random)
    {
        await using var db = database.Open();
        var data = new ReportData(db);
        var organisations = new List<(Organisation Organisation, string[] People)>();
        for (var i = 0; i < random.Next(6, 12); i++)
        {
            var organisation = await data.OrganisationAsync($"Orgnamn{i}x{random.Next(1000, 9999)}", Sectors[random.Next(Sectors.Length)]);
            organisations.Add((organisation, [.. Enumerable.Range(0, random.Next(1, 10)).Select(p => $"{organisation.Id}-{p}")]));
        }

        // Hosts are named with their events (event facts, not counts of people), so they are organisations of their own here.
        var hosting = new List<Organisation>();
        for (var h = 0; h < 3; h++) hosting.Add(await data.OrganisationAsync($"Värd {h}", Sectors[random.Next(Sectors.Length)]));

        for (var e = 0; e < random.Next(4, 9); e++)
        {
            var hosts = hosting.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
            var ev = await data.EventAsync($"event-{e}", new DateTime(2026, 1 + random.Next(0, 6), 1 + random.Next(0, 28), 17, 0, 0), hosts);
            var withList = random.Next(3) > 0;
            var people = organisations.SelectMany(o => o.People.Where(_ => random.Next(3) > 0).Select(p => (o.Organisation, Key: p)))
                .Select(p =>
                {
                    var someone = Someone.WithKey(p.Key).WithRecordKey(random.NextDouble());
                    if (random.Next(5) > 0)
                        someone = someone.In(p.Organisation.SectorCode, Professions[random.Next(Professions.Length)],
                            random.Next(2) == 0 ? "1480" : "1401").From(p.Organisation);
                    if (withList) someone = random.Next(5) > 0 ? someone.Attended() : someone.NoShow();
                    return random.Next(8) == 0 ? someone.Speaking() : someone;
                }).ToArray();
            await data.AddAsync(ev, people);
        }
        return organisations.ToDictionary(o => o.Organisation.Id, o => o.Organisation.Name);
    }
}
