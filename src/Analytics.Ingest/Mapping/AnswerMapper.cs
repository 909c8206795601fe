using System.Collections.Concurrent;
using System.Collections.Frozen;
using Analytics.Core.Organisations;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Mapping;

/// <summary>
/// Turns free answers into taxonomy codes and known organisations, by code, name, synonym or alias, insensitive to case,
/// spacing and diacritics. Answers written "A / B" match when either part does. The catalogue it reads is shared, read
/// only, between imports while the catalogue's revision holds (<see cref="CatalogueCache"/>); what one import adds (its
/// new organisations, its organiser's aliases) stays in that import's own mapper.
/// </summary>
public sealed class AnswerMapper
{
    private readonly Catalogue _catalogue;
    private readonly Dictionary<string, Organisation> _addedOrganisations = [];

    // Names, synonyms and aliases normalised once per process, not once per load: the key is a pure function of the
    // text, so the memo can never be stale; it is cleared if it grows past what any catalogue needs.
    private static readonly ConcurrentDictionary<string, string> NameKeys = new(StringComparer.Ordinal);
    private const int MaxNameKeys = 200_000;

    private AnswerMapper(Catalogue catalogue) => _catalogue = catalogue;

    /// <summary>A mapper of its own over a catalogue shared with other imports.</summary>
    internal static AnswerMapper Over(Catalogue catalogue) => new(catalogue);

    /// <summary>
    /// Every category and organisation, indexed by their names. Read untracked and frozen once loaded, so one instance
    /// can serve imports on several threads; ImportRun points rows at these organisations by key, never attaching them.
    /// </summary>
    internal sealed record Catalogue(FrozenDictionary<(Dimension, string), string> Categories,
        FrozenSet<(Dimension Dimension, string Code, string Key)> Synonyms, FrozenDictionary<string, Organisation> Organisations)
    {
        public static async Task<Catalogue> LoadAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
        {
            var categories = new Dictionary<(Dimension, string), string>();
            var synonyms = new HashSet<(Dimension Dimension, string Code, string Key)>();
            foreach (var category in await db.TaxonomyCategories.AsNoTracking().ToListAsync(cancellationToken))
            {
                if (!DimensionNames.TryParse(category.Dimension, out var dimension)) continue;
                string[] names = [category.Code, category.NameSv, category.NameEn, .. (category.Synonyms ?? "").Split('|')];
                foreach (var name in names.Select(NameKey).Where(n => n.Length > 0))
                    categories.TryAdd((dimension, name), category.Code);
                foreach (var synonym in (category.Synonyms ?? "").Split('|').Select(NameKey).Where(n => n.Length > 0))
                    synonyms.Add((dimension, category.Code, synonym));
            }
            var organisations = new Dictionary<string, Organisation>();
            foreach (var organisation in await db.Organisations.AsNoTracking().ToListAsync(cancellationToken))
                foreach (var name in Names(organisation)) organisations.TryAdd(name, organisation);
            return new Catalogue(categories.ToFrozenDictionary(), synonyms.ToFrozenSet(), organisations.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }

    /// <summary>An organisation this import made or gave a new alias: known to this mapper only, ahead of the shared catalogue.</summary>
    public void Add(Organisation organisation)
    {
        foreach (var name in Names(organisation)) _addedOrganisations.TryAdd(name, organisation);
    }

    private static IEnumerable<string> Names(Organisation organisation) =>
        new[] { organisation.Name, organisation.Organisationsnummer ?? "" }.Concat((organisation.Aliases ?? "").Split('|'))
            .Select(NameKey).Where(n => n.Length > 0);

    private static string NameKey(string name)
    {
        if (NameKeys.TryGetValue(name, out var key)) return key;
        if (NameKeys.Count >= MaxNameKeys) NameKeys.Clear();
        return NameKeys[name] = TextKey.Of(name);
    }

    /// <summary>
    /// Whether the category already lists the answer among its synonyms, as loaded: then an import need not read the
    /// category to add it (one query per mapped answer per file, the same answers in every file of a bulk import).
    /// </summary>
    public bool HasSynonym(Dimension dimension, string code, string answer) => _catalogue.Synonyms.Contains((dimension, code, TextKey.Of(answer)));

    /// <summary>The category code an answer means, or null when it matches none.</summary>
    public string? Category(Dimension dimension, string answer)
    {
        var key = TextKey.Of(answer);
        if (key.Length == 0) return null;
        if (_catalogue.Categories.TryGetValue((dimension, key), out var code)) return code;
        foreach (var part in key.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (_catalogue.Categories.TryGetValue((dimension, part), out code)) return code;
        return null;
    }

    public Organisation? Organisation(string answer)
    {
        var key = TextKey.Of(answer);
        if (key.Length == 0) return null;
        if (Known(key) is { } organisation) return organisation;
        return Organisationsnummer.TryParse(answer, out var number, out _) ? Known(number.Digits) : null;
    }

    private Organisation? Known(string key) =>
        _addedOrganisations.GetValueOrDefault(key) ?? _catalogue.Organisations.GetValueOrDefault(key);

    /// <summary>Yes only for an explicit yes; a blank or anything else is no consent.</summary>
    public static bool Consented(string? answer) => TextKey.Of(answer) switch
    {
        "ja" or "yes" or "true" or "1" or "x" or "jag samtycker" or "i consent" or "i agree" => true,
        var key => key.StartsWith("ja,", StringComparison.Ordinal) || key.StartsWith("ja ", StringComparison.Ordinal)
            || key.StartsWith("yes,", StringComparison.Ordinal) || key.StartsWith("yes ", StringComparison.Ordinal),
    };
}
