using System.Globalization;
using Analytics.Core.Events;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Events;

/// <summary>
/// Evenemang: every event, newest first, filtered by quarter, host, format and municipality in the query string
/// (?kvartal=2026Q2&amp;vard=3&amp;format=traff&amp;kommun=1480), a page at a time (&amp;sida=2), so a view can be bookmarked. A value that names nothing
/// is reported in words and left out of the filter, never turned into an error page.
/// </summary>
public sealed class IndexModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock, IStringLocalizer<SharedResource> localizer,
    EventListSettings settings) : PageModel
{
    public int PageSize => settings.PageSize;

    public IReadOnlyList<EventSummary> Events { get; private set; } = [];
    public EventFilter Filter { get; private set; } = new();
    public FilterChoices Choices { get; private set; } = FilterChoices.None;

    /// <summary>How many events pass the filter, on all pages.</summary>
    public int Total { get; private set; }

    /// <summary>The page shown, from 1.</summary>
    public int PageNumber { get; private set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Each filter that could not be used, by its field id, with the reason in words.</summary>
    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    public bool Filtered => Filter != new EventFilter();

    public async Task OnGetAsync(string? kvartal, string? vard, string? format, string? kommun, string? sida, CancellationToken cancellationToken)
    {
        Choices = await FilterChoices.ReadAsync(db, cancellationToken);
        Filter = new EventFilter(Read(kvartal), Host(vard), Format(format), Municipality(kommun));
        Total = await Filter.Apply(db.Events).CountAsync(cancellationToken);
        // A page past the last (the list shrank since the link was made) shows the last.
        PageNumber = Math.Min(Page(sida), Pages);
        Events = await EventSummary.ListAsync(db, reports, Filter, clock.GetUtcNow().UtcDateTime, cancellationToken,
            skip: (PageNumber - 1) * PageSize, take: PageSize);
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageHref(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value) { if (value is not null) query.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("kvartal", Filter.Quarter?.ToString());
        Add("vard", Filter.HostId?.ToString(CultureInfo.InvariantCulture));
        Add("format", Filter.Format);
        Add("kommun", Filter.Municipality);
        if (page > 1) Add("sida", page.ToString(CultureInfo.InvariantCulture));
        return query.Count == 0 ? "/evenemang" : $"/evenemang?{string.Join("&", query)}";
    }

    private int Page(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 1;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1) return page;
        Problems["sida"] = localizer["”{0}” är inget sidnummer; listan visas från första sidan.", text];
        return 1;
    }

    private Quarter? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Quarter.TryParse(text.Trim(), out var quarter)) return quarter;
        Problems["kvartal"] = localizer["”{0}” är inget kvartal; skriv till exempel 2026Q1 eller välj ett i listan.", text];
        return null;
    }

    private int? Host(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Choices.Hosts.Any(h => h.Id == id)) return id;
        Problems["vard"] = localizer["Det finns ingen värd med nummer ”{0}”; välj en i listan.", text];
        return null;
    }

    private string? Format(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        if (Taxonomy.Find(Taxonomy.EventFormats, code) is not null) return code;
        Problems["format"] = localizer["”{0}” är inget evenemangsformat; välj ett i listan.", code];
        return null;
    }

    private string? Municipality(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        if (code == EventFilter.Online || Municipalities.IsValidCode(code)) return code;
        Problems["kommun"] = localizer["”{0}” är ingen kommunkod; välj en kommun i listan.", code];
        return null;
    }
}

/// <summary>What the filters offer: the quarters, hosts, formats and places that events actually have.</summary>
public sealed record FilterChoices(IReadOnlyList<Quarter> Quarters, IReadOnlyList<(int Id, string Name)> Hosts, IReadOnlyList<string> Formats,
    IReadOnlyList<string> Municipalities, bool AnyOnline)
{
    public static readonly FilterChoices None = new([], [], [], [], false);

    /// <summary>Each choice asked of the database as it is (distinct values, existence), not by reading every event.</summary>
    public static async Task<FilterChoices> ReadAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        var hosts = await db.Organisations.AsNoTracking().Where(o => db.EventHosts.Any(h => h.OrganisationId == o.Id))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var formats = await db.Events.Select(e => e.FormatCode).Distinct().ToListAsync(cancellationToken);
        var municipalities = await db.Events.Where(e => e.MunicipalityCode != null).Select(e => e.MunicipalityCode!).Distinct().ToListAsync(cancellationToken);
        return new FilterChoices(
            await ReportPeriod.QuartersWithEventsAsync(db, cancellationToken),
            [.. hosts.Select(h => (h.Id, h.Name))],
            [.. Taxonomy.EventFormats.Select(f => f.Code).Where(formats.Contains)],
            [.. municipalities.OrderBy(CategoryNames.Municipality, StringComparer.CurrentCulture)],
            await db.Events.AnyAsync(e => e.Online && e.MunicipalityCode == null, cancellationToken));
    }
}
