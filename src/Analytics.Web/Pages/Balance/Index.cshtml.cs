using System.Globalization;
using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Reporting.Charts;
using Analytics.Reporting.Forecast;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Balance;

/// <summary>
/// Balans: a period against the target mix (gaps with Wilson intervals), who is missing, the registrations of the
/// planned events so far with their forecast turnout and mix at the door, and a speaker panel checker for a planned event
/// (?evenemang=slug&amp;sektor=…&amp;yrke=…, one pair per speaker). Every count is read from protected snapshots or a
/// protected forecast; the targets are settings and are read as they are.
/// </summary>
public sealed class IndexModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock, CategoryNames names,
    IStringLocalizer<SharedResource> localizer, Accounts.EventAccess access, ForecastReader forecasts) : PageModel
{
    /// <summary>The most speakers one check takes; a panel is a handful of people.</summary>
    public const int MaxSpeakers = 12;

    /// <summary>The dimensions a speaker is described by, and the ones a planned event's registrations are shown in.</summary>
    public static readonly IReadOnlyList<Dimension> PanelDimensions = [Dimension.Sector, Dimension.Profession];

    public ReportPeriod? Period { get; private set; }
    public PublishedReport? Report { get; private set; }

    /// <summary>Why the period is not shown, when it is too small or too close to all time (see <see cref="ReportPeriod.ReadAsync"/>).</summary>
    public string? Refusal { get; private set; }
    public IReadOnlyList<BalanceView> Balances { get; private set; } = [];
    public IReadOnlyList<MissingCategory> Missing { get; private set; } = [];
    public IReadOnlyList<PlannedEvent> Planned { get; private set; } = [];
    public PlannedEvent? PanelEvent { get; private set; }
    public IReadOnlyList<PanelSpeaker> Speakers { get; private set; } = [];
    public IReadOnlyList<PanelBalance> Panel { get; private set; } = [];

    /// <summary>The target share of each sector, for the forecast mix at the door.</summary>
    public IReadOnlyDictionary<string, double> SectorTargets { get; private set; } = new Dictionary<string, double>();

    /// <summary>Which dimensions have targets that are examples rather than decided ones.</summary>
    public IReadOnlySet<string> ExampleTargets { get; private set; } = new HashSet<string>();

    /// <summary>How many speaker rows the form shows: every chosen speaker and room for more.</summary>
    public int SpeakerRows => Math.Min(MaxSpeakers, Math.Max(3, Speakers.Count + 1));

    private readonly PageCharts _charts = new();

    public async Task OnGetAsync(string? kvartal, string? evenemang, CancellationToken cancellationToken)
    {
        await ReadAsync(kvartal, cancellationToken);
        var targets = await TargetsAsync(cancellationToken);
        await ReadPlannedAsync(targets, cancellationToken);

        PanelEvent = Planned.FirstOrDefault(p => p.Slug == evenemang) ?? Planned.FirstOrDefault();
        Speakers = ChosenSpeakers();
        if (PanelEvent is { } chosen)
            Panel = [.. PanelDimensions.Select(d => PanelCheck.Of(d.Code(), chosen.Registered?.Dimensions.GetValueOrDefault(d.Code()),
                targets.GetValueOrDefault(d.Code()) ?? [], [.. Speakers.Select(s => s.CodeIn(d)).OfType<string>()],
                chosen.IndicesShown, NameIn(d)))];
    }

    /// <summary>One chart of the period as PNG (?handler=png&amp;diagram=balans-sector).</summary>
    public async Task<IActionResult> OnGetPngAsync(string? kvartal, string? diagram, CancellationToken cancellationToken)
    {
        await ReadAsync(kvartal, cancellationToken);
        return _charts.Png(diagram);
    }

    public ChartView? Chart(string id) => _charts[id];

    private async Task ReadAsync(string? kvartal, CancellationToken cancellationToken)
    {
        Period = await ReportPeriod.ChooseAsync(db, kvartal, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (Period is null) return;
        var read = await Period.ReadAsync(reports, cancellationToken);
        (Report, Refusal) = (read?.Published, read?.Refusal);
        if (Report?.Report is not { } report) return;

        var culture = CultureInfo.CurrentCulture;
        var text = new BalanceChartText(localizer["Andel"], localizer["95 % intervall"], localizer["Mål"], report.Show(null));
        Balances = [.. report.Balance.OrderBy(b => DimensionNames.TryParse(b.Key, out var d) ? (int)d : int.MaxValue).Select(b =>
        {
            var id = $"balans-{b.Key}";
            var title = localizer["{0} mot målen", CategoryNames.DimensionName(b.Key)];
            _charts.Add(id, () => BalanceChart.Of(b.Value, title, text, culture, names.For(b.Key)));
            return new BalanceView(id, b.Key, CategoryNames.DimensionName(b.Key), b.Value, report, _charts[id]);
        })];
        Missing = [.. report.Balance
            .SelectMany(b => b.Value.Cells.Where(c => c.Gap < 0).Select(c => new MissingCategory(
                CategoryNames.DimensionName(b.Key), names.Name(b.Key, c.Code, c.Label), c.Share!.Value, c.Target, c.Gap!.Value, c.High < c.Target)))
            .OrderBy(m => m.Gap).Take(5)];
    }

    /// <summary>The target share of each category, by dimension; settings, not figures about people.</summary>
    private async Task<Dictionary<string, Dictionary<string, double>>> TargetsAsync(CancellationToken cancellationToken)
    {
        var targets = await db.TargetMixes.AsNoTracking().ToListAsync(cancellationToken);
        ExampleTargets = targets.Where(t => t.IsExample).Select(t => t.Dimension).ToHashSet(StringComparer.Ordinal);
        return targets.GroupBy(t => t.Dimension, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(t => t.Code, t => t.Share, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>Events still to come, with the mix of their registrations so far, read from their own snapshots at once.</summary>
    private async Task ReadPlannedAsync(Dictionary<string, Dictionary<string, double>> targets, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = await db.Events.AsNoTracking().Where(e => e.StartsAtUtc > now).OrderBy(e => e.StartsAtUtc)
            .Select(e => new { e.Slug, e.Title, e.StartsAtUtc }).ToListAsync(cancellationToken);
        // A planned event's registrations are that event's detail: an organiser sees only its own organisations' events.
        if (await access.VisibleSlugsAsync(cancellationToken) is { } visible) events = [.. events.Where(e => visible.Contains(e.Slug))];
        var protectedReports = await reports.ReadManyAsync(ReportScope.EventKind, [.. events.Select(e => e.Slug)], cancellationToken);
        var forecast = await forecasts.ReadPlannedAsync([.. events.Select(e => e.Slug)], cancellationToken);
        SectorTargets = targets.GetValueOrDefault(Dimension.Sector.Code()) ?? [];
        Planned = [.. events.Select(e =>
        {
            var report = protectedReports.GetValueOrDefault(e.Slug);
            var registered = report?.Subset(Subset.Registered);
            var indicesShown = registered?.WithProfile >= DisclosureOptions.MinimumForIndices;
            return new PlannedEvent(e.Slug, e.Title, Core.Events.Quarter.ToStockholm(e.StartsAtUtc), report, registered, indicesShown,
                [.. PanelDimensions.Select(d => PanelCheck.Of(d.Code(), registered?.Dimensions.GetValueOrDefault(d.Code()),
                    targets.GetValueOrDefault(d.Code()) ?? [], [], indicesShown, NameIn(d)))], forecast.GetValueOrDefault(e.Slug));
        })];
    }

    /// <summary>The speakers in the query string, in order: sektor and yrke pair up by position; a row with neither is empty.</summary>
    private List<PanelSpeaker> ChosenSpeakers()
    {
        var sectors = Request.Query["sektor"];
        var professions = Request.Query["yrke"];
        return [.. Enumerable.Range(0, Math.Min(MaxSpeakers, Math.Max(sectors.Count, professions.Count)))
            .Select(i => new PanelSpeaker(Known(Taxonomy.Sectors, i < sectors.Count ? sectors[i] : null),
                Known(Taxonomy.Professions, i < professions.Count ? professions[i] : null)))
            .Where(s => s.Sector is not null || s.Profession is not null)];
    }

    private static string? Known(IReadOnlyList<Category> categories, string? code) => Taxonomy.Find(categories, code)?.Code;

    /// <summary>
    /// Category names in the reader's language. A category nobody has registered in has no protected cell to carry its
    /// Swedish label, so the taxonomy names it.
    /// </summary>
    private CategoryName NameIn(Dimension dimension) => (code, label) =>
        names.Name(dimension.Code(), code, label != code ? label : Taxonomy.Find(Taxonomy.For(dimension), code)?.NameSv ?? code);
}

/// <summary>A category under its target in the period: its share, the target, the gap, and whether the interval lies below the target.</summary>
public sealed record MissingCategory(string Dimension, string Name, double Share, double Target, double Gap, bool ClearlyUnder);

/// <summary>A planned event with the protected mix of its registrations so far against the targets, and its turnout forecast.</summary>
public sealed record PlannedEvent(string Slug, string Title, DateTime StartsLocal, ProtectedReport? Report, ProtectedSubset? Registered,
    bool IndicesShown, IReadOnlyList<PanelBalance> Mix, ShownForecast? Forecast);

/// <summary>One speaker the organiser has in mind: a sector, and a profession if chosen.</summary>
public sealed record PanelSpeaker(string? Sector, string? Profession)
{
    public string? CodeIn(Dimension dimension) => dimension switch
    {
        Dimension.Sector => Sector,
        Dimension.Profession => Profession,
        _ => null,
    };
}
