using System.Globalization;

namespace Analytics.Ingest.Mapping;

/// <summary>
/// Meetup writes dates in US style (3/23/2026 17:30) or ISO (2026-03-23 17:30), and the style holds for a whole file.
/// The style is decided once per file from a sample, never guessed per row.
/// </summary>
public sealed class DateSniffer
{
    private static readonly string[] IsoFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];
    private static readonly string[] UsFormats = ["M/d/yyyy H:mm", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm:ss", "M/d/yyyy"];
    private static readonly string[] DayFirstFormats = ["d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy"];

    private string[] _formats = IsoFormats;

    public static DateSniffer From(IEnumerable<string> samples)
    {
        var sniffer = new DateSniffer();
        var slashed = samples.Where(s => s.Contains('/')).ToList();
        if (slashed.Count > 0)
        {
            // Day-first only when some first part cannot be a month; Meetup's own exports are US.
            var dayFirst = slashed.Any(s => int.TryParse(s.Split('/')[0], out var first) && first > 12);
            sniffer._formats = dayFirst ? DayFirstFormats : UsFormats;
        }
        return sniffer;
    }

    /// <summary>Parses a wall-clock time in Stockholm and returns it in UTC; null when empty or unreadable.</summary>
    public DateTime? ParseStockholm(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (DateTime.TryParseExact(text, _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
            return Core.Events.Quarter.ToUtc(local);
        return null;
    }
}
