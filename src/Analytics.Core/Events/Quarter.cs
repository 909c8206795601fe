using System.Globalization;

namespace Analytics.Core.Events;

/// <summary>A calendar quarter in Swedish time (Europe/Stockholm), written 2026Q1.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static Quarter Containing(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Stockholm);
        return new Quarter(local.Year, (local.Month - 1) / 3 + 1);
    }

    public DateTime StartUtc => ToUtc(new DateTime(Year, (Number - 1) * 3 + 1, 1));

    public DateTime EndUtc => Next.StartUtc;

    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public override string ToString() => $"{Year}Q{Number}";

    public string Label(bool english = false) => english ? $"Q{Number} {Year}" : $"Kvartal {Number} {Year}";

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 6 } || char.ToUpperInvariant(text[4]) != 'Q') return false;
        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (text[5] is < '1' or > '4') return false;
        quarter = new Quarter(year, text[5] - '0');
        return true;
    }

    /// <summary>
    /// Converts a wall-clock time in Stockholm to UTC. A time in the hour the clocks skip in spring (02:00-03:00 on the
    /// last Sunday of March) is read as the clocks would show it, an hour later, rather than refused.
    /// </summary>
    public static DateTime ToUtc(DateTime stockholmLocal)
    {
        var local = DateTime.SpecifyKind(stockholmLocal, DateTimeKind.Unspecified);
        if (Stockholm.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, Stockholm);
    }

    public static DateTime ToStockholm(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Stockholm);
}
