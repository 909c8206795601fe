using System.Resources;
using Analytics.Core.Localisation;

namespace Analytics.Ingest;

/// <summary>Sentences the importer tells people, in Swedish; their English is in Resources/Messages.en.resx.</summary>
internal static class Messages
{
    private static readonly ResourceManager Translations = new("Analytics.Ingest.Resources.Messages", typeof(Messages).Assembly);

    public static string Say(string swedish, params object?[] args) => Sentences.Say(Translations, swedish, args);
}
