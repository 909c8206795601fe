using System.Globalization;
using System.Text;

namespace Analytics.Ingest.Mapping;

/// <summary>Normalises an answer for matching: insensitive to case, spacing and diacritics ("Näringsliv " = "naringsliv").</summary>
public static class TextKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Trim().ToLower(CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) builder.Append(' ');
                lastWasSpace = true;
                continue;
            }
            builder.Append(c);
            lastWasSpace = false;
        }
        return builder.ToString();
    }
}
