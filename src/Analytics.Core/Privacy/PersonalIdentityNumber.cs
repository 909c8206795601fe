using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Core.Organisations;

namespace Analytics.Core.Privacy;

/// <summary>
/// Finds Swedish personnummer and samordningsnummer in free text, so that a file carrying one is refused instead of
/// stored. A match needs a real date (day + 60 for samordningsnummer) and a valid Luhn check digit.
/// </summary>
public static partial class PersonalIdentityNumber
{
    /// <summary>The first personnummer in the text, as written there; null when there is none.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 10) return null;
        foreach (Match match in Candidate().Matches(text))
        {
            var digits = match.Groups["date"].Value + match.Groups["serial"].Value;
            if (IsDate(match.Groups["century"].Value, digits) && Luhn.IsValid(digits)) return match.Value;
        }
        return null;
    }

    /// <summary>Keeps only the year and the separator, so an error message can point at it without repeating it.</summary>
    public static string Mask(string found) =>
        string.Concat(found.Select((c, i) => char.IsAsciiDigit(c) && i >= (found.Length >= 12 && char.IsAsciiDigit(found[11]) ? 4 : 2) ? '*' : c));

    /// <summary>The text with every personnummer in it masked, for a page or message that quotes a header or a cell.</summary>
    public static string Masked(string text)
    {
        while (Find(text) is { } found) text = text.Replace(found, Mask(found));
        return text;
    }

    private static bool IsDate(string century, string digits)
    {
        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (day > 60) day -= 60;
        var year = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture) + (century.Length == 2 ? int.Parse(century, CultureInfo.InvariantCulture) * 100 : 2000);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    [GeneratedRegex(@"(?<![\d-])(?<century>19|20)?(?<date>\d{6})[-+ ]?(?<serial>\d{4})(?![\d])")]
    private static partial Regex Candidate();
}
