using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Reporting.Snapshots;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.OpenData;

/// <summary>
/// Öppna data (One Team Gov principle 1, work in the open): the network's completed quarters across all events, protected
/// by the cell-key method on top of the threshold, free to reuse under CC0.
/// </summary>
public sealed class IndexModel(ReportReader reports, DisclosureControl disclosure, TimeProvider clock) : PageModel
{
    public int K => disclosure.K;

    public IReadOnlyList<QuarterReport> Quarters { get; private set; } = [];
    public QuarterReport? Shown { get; private set; }

    /// <summary>True when ?kvartal= named a quarter that is not published, so the page can say so.</summary>
    public bool UnknownQuarter { get; private set; }

    public async Task OnGetAsync(string? kvartal, CancellationToken cancellationToken)
    {
        Quarters = await reports.ReadPublicQuartersAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        Shown = Quarter.TryParse(kvartal, out var asked) ? Quarters.FirstOrDefault(q => q.Quarter == asked) : null;
        UnknownQuarter = kvartal is not null && Shown is null;
        Shown ??= Quarters.LastOrDefault();
    }
}
