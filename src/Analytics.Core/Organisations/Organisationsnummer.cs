using Analytics.Core.Localisation;
using System.Diagnostics.CodeAnalysis;

namespace Analytics.Core.Organisations;

/// <summary>
/// A Swedish organisationsnummer: ten digits, written NNNNNN-NNNN, whose last digit is a Luhn check over the first nine.
/// Digits three and four are at least 20, which is what tells it from a personnummer; a personnummer is personal data and
/// is refused.
/// </summary>
public readonly record struct Organisationsnummer
{
    private Organisationsnummer(string digits) => Digits = digits;

    /// <summary>The ten digits without separator.</summary>
    public string Digits { get; }

    public override string ToString() => $"{Digits[..6]}-{Digits[6..]}";

    /// <summary>
    /// The sector the first digit tells for certain: 5 limited companies and 9 trading partnerships are business, 8
    /// non-profit associations and foundations civil society. A 2 (state, region, municipality or parish) is left open.
    /// </summary>
    public string? SectorHint => Digits[0] switch
    {
        '5' or '9' => "naringsliv",
        '8' => "civilsamhalle",
        _ => null,
    };

    public static Organisationsnummer Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException(error);

    public static bool TryParse(string? text, out Organisationsnummer number, [NotNullWhen(false)] out string? error)
    {
        number = default;
        var digits = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.Length == 12 && digits.StartsWith("16", StringComparison.Ordinal))
            digits = digits[2..];
        else if (digits.Length == 12 && (digits.StartsWith("19", StringComparison.Ordinal) || digits.StartsWith("20", StringComparison.Ordinal)))
        {
            // The twelve-digit form with a century is how personnummer are written.
            error = CoreMessages.Say("Det här ser ut som ett personnummer. Personnummer sparas aldrig; ange organisationens organisationsnummer.");
            return false;
        }

        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            error = CoreMessages.Say("”{0}” är inget organisationsnummer: det ska ha tio siffror, till exempel 212000-1355.", text);
            return false;
        }
        if ((digits[2] - '0') * 10 + (digits[3] - '0') < 20)
        {
            error = CoreMessages.Say("Det här ser ut som ett personnummer. Personnummer sparas aldrig; ange organisationens organisationsnummer.");
            return false;
        }
        if (!Luhn.IsValid(digits))
        {
            error = CoreMessages.Say("”{0}” har fel kontrollsiffra; kontrollera organisationsnumret.", text);
            return false;
        }
        number = new Organisationsnummer(digits);
        error = null;
        return true;
    }
}

/// <summary>The Luhn (mod 10) check used by Swedish organisations- and personnummer.</summary>
public static class Luhn
{
    /// <summary>The check digit for the given digits (all but the last).</summary>
    public static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Weights alternate 2, 1, 2, ... from the left for a nine-digit body; counting from the right keeps it general.
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) d *= 2;
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }

    public static bool IsValid(ReadOnlySpan<char> digits) =>
        digits.Length >= 2 && CheckDigit(digits[..^1]) == digits[^1] - '0';
}
