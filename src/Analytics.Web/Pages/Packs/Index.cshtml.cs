using Analytics.Reporting.Exports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Web.Pages.Packs;

/// <summary>
/// Styrgruppspaket: the quarterly packs the quarterly job has built and stored, newest first, each downloadable as it
/// was built. Open like the import pages until accounts and roles exist.
/// </summary>
public sealed class IndexModel(SteeringPackStore packs) : PageModel
{
    public IReadOnlyList<SteeringPackInfo> Packs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Packs = await packs.ListAsync(cancellationToken);
}
