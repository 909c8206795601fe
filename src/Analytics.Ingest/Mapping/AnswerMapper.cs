using System.Collections.Concurrent;
using Analytics.Core.Organisations;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Mapping;

/// <summary>
/// Turns free answers into taxonomy codes and known organisations, by code, name, synonym or alias, insensitive to case,
/// spacing and diacritics. Answers written "A / B" match when either part does.
/// </summary>
public sealed class AnswerMapper
{
    private readonly Dictionary<(Dimension, string), string> _categories = [];
    private readonly HashSet<(Dimension Dimension, string Code, string Key)> _synonyms = [];
    private readonly Dictionary<string, Organisation> _organisations = [];
    private readonly Dictionary<int, Organisation> _byId = [];

    // Names, synonyms and aliases normalised once per process, not once per file: at a million participations a
    // bulk import of 20,000 lists normalised 5,000 organisations' names for each 50-row list. The key is a pure function
    // of the text, so the memo can never be stale; it is cleared if it grows past what any catalogue needs.
    private static readonly ConcurrentDictionary<string, string> NameKeys = new(StringComparer.Ordinal);
    private const int MaxNameKeys = 200_000;

    public static async Task<AnswerMapper> LoadAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default)
    {
        var mapper = new AnswerMapper();
        foreach (var category in await db.TaxonomyCategories.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (!DimensionNames.TryParse(category.Dimension, out var dimension)) continue;
            string[] names = [category.Code, category.NameSv, category.NameEn, .. (category.Synonyms ?? "").Split('|')];
            foreach (var name in names.Select(NameKey).Where(n => n.Length > 0))
                mapper._categories.TryAdd((dimension, name), category.Code);
            foreach (var synonym in (category.Synonyms ?? "").Split('|').Select(NameKey).Where(n => n.Length > 0))
                mapper._synonyms.Add((dimension, category.Code, synonym));
        }
        // Untracked: tracking thousands of organisations per file cost more than the file's rows. ImportRun attaches only
        // the ones its rows point at.
        foreach (var organisation in await db.Organisations.AsNoTracking().ToListAsync(cancellationToken))
            mapper.Add(organisation);
        return mapper;
    }

    public void Add(Organisation organisation)
    {
        string[] names = [organisation.Name, organisation.Organisationsnummer ?? "", .. (organisation.Aliases ?? "").Split('|')];
        foreach (var name in names.Select(NameKey).Where(n => n.Length > 0))
            _organisations.TryAdd(name, organisation);
        if (organisation.Id > 0) _byId.TryAdd(organisation.Id, organisation);
    }

    /// <summary>A known organisation by its id, as the mapper holds it (untracked when loaded from the database).</summary>
    public Organisation? OrganisationById(int id) => _byId.GetValueOrDefault(id);

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
    public bool HasSynonym(Dimension dimension, string code, string answer) => _synonyms.Contains((dimension, code, TextKey.Of(answer)));

    /// <summary>The category code an answer means, or null when it matches none.</summary>
    public string? Category(Dimension dimension, string answer)
    {
        var key = TextKey.Of(answer);
        if (key.Length == 0) return null;
        if (_categories.TryGetValue((dimension, key), out var code)) return code;
        foreach (var part in key.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (_categories.TryGetValue((dimension, part), out code)) return code;
        return null;
    }

    public Organisation? Organisation(string answer)
    {
        var key = TextKey.Of(answer);
        if (key.Length == 0) return null;
        if (_organisations.TryGetValue(key, out var organisation)) return organisation;
        return Organisationsnummer.TryParse(answer, out var number, out _)
            ? _organisations.GetValueOrDefault(number.Digits)
            : null;
    }

    /// <summary>Yes only for an explicit yes; a blank or anything else is no consent.</summary>
    public static bool Consented(string? answer) => TextKey.Of(answer) switch
    {
        "ja" or "yes" or "true" or "1" or "x" or "jag samtycker" or "i consent" or "i agree" => true,
        var key => key.StartsWith("ja,", StringComparison.Ordinal) || key.StartsWith("ja ", StringComparison.Ordinal)
            || key.StartsWith("yes,", StringComparison.Ordinal) || key.StartsWith("yes ", StringComparison.Ordinal),
    };
}
