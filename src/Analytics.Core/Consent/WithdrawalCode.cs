using System.Security.Cryptography;
using System.Text;

namespace Analytics.Core.Consent;

/// <summary>
/// The code on the check-in receipt that withdraws the consent given there. 80 random bits in Crockford's base32
/// (no I, L, O or U to misread), shown in groups of four. Only its SHA-256 is stored: a plain hash is enough here,
/// unlike for e-mails, because the code is random and cannot be guessed from a dictionary.
/// </summary>
public static class WithdrawalCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 16;

    public static string New()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return string.Join('-', Enumerable.Range(0, Length / 4).Select(g => new string(chars, g * 4, 4)));
    }

    /// <summary>The code as typed, without spaces or dashes, upper case, with the look-alikes read as Crockford does.</summary>
    public static string Normalise(string typed)
    {
        var text = new StringBuilder();
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is '-' or ' ' or '\t') continue;
            text.Append(c switch { 'O' => '0', 'I' or 'L' => '1', _ => c });
        }
        return text.ToString();
    }

    /// <summary>True when the text could be a code at all, so an e-mail or a Meetup id is never taken for one.</summary>
    public static bool LooksLikeCode(string typed)
    {
        var code = Normalise(typed);
        return code.Length == Length && code.All(Alphabet.Contains);
    }

    public static string Hash(string typed) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Normalise(typed))));
}
