using System.Globalization;
using Analytics.Data.Configuration;

namespace Analytics.Web.Pages.Events;

/// <summary>
/// How many events a page of the events list shows: Pages:EventsPerPage, 50 unless set, from 10 to 500. At a million
/// participations there are 20,000 events; listed whole, the page read every one's report and took 13 s of CPU.
/// </summary>
public sealed record EventListSettings(int PageSize)
{
    public const int Default = 50, Fewest = 10, Most = 500;

    public static EventListSettings From(IConfiguration configuration)
    {
        var text = configuration["Pages:EventsPerPage"];
        if (string.IsNullOrWhiteSpace(text)) return new(Default);
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= Fewest and <= Most) return new(size);
        throw new ConfigurationProblem($"Pages:EventsPerPage är ”{text}”; ange ett heltal från {Fewest} till {Most}.");
    }
}
