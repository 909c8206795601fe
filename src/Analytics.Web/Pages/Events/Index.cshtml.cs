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
/// (?kvartal=2026Q2&amp;vard=3&amp;format=traff&amp;kommun=1480), so a view can be bookmarked. A value that names nothing
/// is reported in words and left out of the filter, never turned into an error page.
/// </summary>
public sealed class IndexModel(AnalyticsDbContext db, ReportReader reports, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<EventSummary> Events { get; private set; } = [];
    public EventFilter Filter { get; private set; } = new();
    public FilterChoices Choices { get; private set; } = FilterChoices.None;

    /// <summary>Each filter that could not be used, by its field id, with the reason in words.</summary>
    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    public bool Filtered => Filter != new EventFilter();

    public async Task OnGetAsync(string? kvartal, string? vard, string? format, string? kommun, CancellationToken cancellationToken)
    {
        Choices = await FilterChoices.ReadAsync(db, cancellationToken);
        Filter = new EventFilter(Read(kvartal), Host(vard), Format(format), Municipality(kommun));
        Events = await EventSummary.ListAsync(db, reports, Filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
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

    public static async Task<FilterChoices> ReadAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking().Select(e => new { e.StartsAtUtc, e.FormatCode, e.MunicipalityCode, e.Online }).ToListAsync(cancellationToken);
        var hosts = await db.Organisations.AsNoTracking().Where(o => db.EventHosts.Any(h => h.OrganisationId == o.Id))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return new FilterChoices(
            ReportPeriod.QuartersOf(events.Select(e => e.StartsAtUtc)),
            [.. hosts.Select(h => (h.Id, h.Name))],
            [.. Taxonomy.EventFormats.Select(f => f.Code).Where(code => events.Any(e => e.FormatCode == code))],
            [.. events.Where(e => e.MunicipalityCode is not null).Select(e => e.MunicipalityCode!).Distinct().OrderBy(CategoryNames.Municipality, StringComparer.CurrentCulture)],
            events.Any(e => e.Online && e.MunicipalityCode is null));
    }
}
