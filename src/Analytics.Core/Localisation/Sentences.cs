using System.Globalization;
using System.Resources;

namespace Analytics.Core.Localisation;

/// <summary>
/// The language of the sentences the system tells people: Swedish, or English where a host asks for it (the command
/// line does). Chosen explicitly rather than from the machine's locale, so a server with an English locale still
/// answers organisers in Swedish. Each assembly keeps its English translations in a resource file keyed by the Swedish
/// sentence.
/// </summary>
public static class Sentences
{
    private static readonly AsyncLocal<bool> EnglishHere = new();

    public static bool English => EnglishHere.Value;

    /// <summary>Sentences in English for the rest of this flow of execution.</summary>
    public static void UseEnglish() => EnglishHere.Value = true;

    /// <summary>The Swedish template, or its English translation, filled in with the arguments.</summary>
    public static string Say(ResourceManager translations, string swedish, params object?[] args)
    {
        var template = English
            ? translations.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)?.GetString(swedish) ?? swedish
            : swedish;
        return args.Length == 0 ? template : string.Format(English ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("sv-SE"), template, args);
    }
}
