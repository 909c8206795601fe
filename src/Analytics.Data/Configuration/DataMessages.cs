using System.Resources;
using Analytics.Core.Localisation;

namespace Analytics.Data.Configuration;

/// <summary>Sentences about configuration, in Swedish; their English is in Resources/DataMessages.en.resx.</summary>
internal static class DataMessages
{
    private static readonly ResourceManager Translations = new("Analytics.Data.Resources.DataMessages", typeof(DataMessages).Assembly);

    public static string Say(string swedish, params object?[] args) => Sentences.Say(Translations, swedish, args);
}
