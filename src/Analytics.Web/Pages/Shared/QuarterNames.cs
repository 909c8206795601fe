using Analytics.Core.Events;

namespace Analytics.Web.Pages.Shared;

/// <summary>A quarter as the reader's language writes it: in full for headings and tables, short for chart axes.</summary>
public static class QuarterNames
{
    public static string Long(Quarter quarter) => quarter.Label(CategoryNames.English);

    public static string Short(Quarter quarter) => CategoryNames.English ? $"Q{quarter.Number} {quarter.Year}" : $"Kv{quarter.Number} {quarter.Year}";
}
