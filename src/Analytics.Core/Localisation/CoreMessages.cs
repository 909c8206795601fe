using System.Resources;

namespace Analytics.Core.Localisation;

/// <summary>Sentences written by Core, with their English in Resources/CoreMessages.en.resx.</summary>
internal static class CoreMessages
{
    private static readonly ResourceManager Translations = new("Analytics.Core.Resources.CoreMessages", typeof(CoreMessages).Assembly);

    public static string Say(string swedish, params object?[] args) => Sentences.Say(Translations, swedish, args);
}
