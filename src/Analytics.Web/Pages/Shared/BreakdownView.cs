using Analytics.Core.Disclosure;
using Analytics.Core.Taxonomies;

namespace Analytics.Web.Pages.Shared;

/// <summary>
/// One protected breakdown as a table, with its chart beside it when it has one. With its Dimension set, categories are
/// named in the reader's language; without it, as the report labels them.
/// </summary>
public sealed record BreakdownView(string Id, string Title, ProtectedBreakdown? Breakdown, ProtectedReport Report, ChartView? Chart = null)
{
    public string? Dimension { get; init; }

    /// <summary>Roles are counted for everyone counted; every other dimension only for those who shared a profile.</summary>
    public bool CountsEveryone => Dimension == Core.Taxonomies.Dimension.Role.Code();
}
