using static Analytics.SampleData.Distributions;
using static Analytics.SampleData.Taxonomy;

namespace Analytics.Cli.Generate;

/// <summary>
/// The sample data's tables in the shape the scale generator draws from. The numbers themselves are not here: they are
/// data-samples/generator/Distributions.cs and Taxonomy.cs, compiled into this assembly as links (see
/// Analytics.Cli.csproj), so the sample generator and `analytics generate` read one copy and cannot drift apart.
/// </summary>
internal static class SampleDistributions
{
    /// <summary>
    /// SCB kommunkod and weight of every workplace: the large ones first, in the table's order, then the rest of
    /// Västra Götaland. Weighted draws depend on the order, so it stays as it is to keep each seed's output unchanged.
    /// </summary>
    public static readonly (string Item, double Weight)[] Workplaces =
    [
        .. LargeWorkplaces.Select(w => (w.Code, w.Weight)),
        .. MunicipalityNames.Keys
            .Where(code => IsInVastraGotaland(code) && !LargeWorkplaces.Any(w => w.Code == code))
            .Select(code => (code, SmallWorkplaceWeight)),
    ];

    /// <summary>The workplaces in western Sweden, where the network's events and head offices are: all but Stockholm (0180).</summary>
    public static readonly (string Item, double Weight)[] WesternSweden = [.. Workplaces.Where(w => w.Item != "0180")];

    /// <summary>mapping.json of a generated history: the sample's saved answers less its organisations, which are not in it.</summary>
    public static readonly (string Question, string Answer, string Code)[] SavedMapping =
        [.. SavedMappings.Where(m => m.Question != "organisation")];
}
