using System.Globalization;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Ingest;
using Analytics.Ingest.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Pages.Import;

/// <summary>One answer in the preview's mapping form, as posted: what it means, or left unmapped when Target is empty.</summary>
public sealed class ValueChoice
{
    /// <summary>The question code (sector, profession, organisation, municipality, role).</summary>
    public string? Column { get; set; }
    public string? Value { get; set; }

    /// <summary>How often the preview found it unmapped; null for an answer the organiser already mapped.</summary>
    public int? Count { get; set; }

    /// <summary>A category code, a known organisation's name, or <see cref="MappingChoices.NewOrganisation"/>.</summary>
    public string? Target { get; set; }

    /// <summary>The sector a new organisation is created in.</summary>
    public string? NewSector { get; set; }
}

/// <summary>
/// What an unmapped answer can be mapped to (the stored categories of each question, the known organisations), and the
/// translation between the preview's form and the upload's <see cref="ImportMapping"/>.
/// </summary>
public sealed class MappingChoices
{
    /// <summary>The organisation choice that creates the answer as a new organisation.</summary>
    public const string NewOrganisation = "+ny";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private readonly IReadOnlyDictionary<string, IReadOnlyList<Category>> _categories;

    private MappingChoices(IReadOnlyDictionary<string, IReadOnlyList<Category>> categories, IReadOnlyList<string> organisations)
    {
        _categories = categories;
        Organisations = organisations;
    }

    public IReadOnlyList<string> Organisations { get; }

    public IReadOnlyList<Category> Sectors => Categories(Dimension.Sector.Code());

    public IReadOnlyList<Category> Categories(string? column) => _categories.GetValueOrDefault(column ?? "", []);

    public static async Task<MappingChoices> LoadAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        var categories = await db.TaxonomyCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.NameSv)
            .Select(c => new { c.Dimension, c.Code, c.NameSv, c.NameEn }).ToListAsync(cancellationToken);
        var organisations = (await db.Organisations.AsNoTracking().Select(o => o.Name).ToListAsync(cancellationToken))
            .Order(StringComparer.Create(Swedish, ignoreCase: true)).ToList();
        return new MappingChoices(
            categories.GroupBy(c => c.Dimension).ToDictionary(g => g.Key, g => (IReadOnlyList<Category>)g.Select(c => new Category(c.Code, c.NameSv, c.NameEn)).ToList()),
            organisations);
    }

    /// <summary>
    /// The form's rows: every unmapped answer of the preview, with its count and the organiser's earlier choice, then
    /// every answer already mapped, so a choice can be changed after it took effect.
    /// </summary>
    public static List<ValueChoice> For(ImportResult preview, ImportMapping mapping)
    {
        var rows = preview.Unmapped.Select(u => new ValueChoice
        {
            Column = u.Column, Value = u.Value, Count = u.Count,
            Target = Enum.TryParse<Question>(u.Column, true, out var question) ? Stored(mapping, question, u.Value) : null,
            NewSector = mapping.NewOrganisationSector(u.Value)
                ?? preview.ProposedOrganisations.FirstOrDefault(p => TextKey.Of(p.Name) == TextKey.Of(u.Value))?.Sector,
        }).ToList();
        bool Listed(string column, string value) => rows.Any(r => r.Column == column && TextKey.Of(r.Value) == TextKey.Of(value));

        foreach (var (question, answers) in mapping.Values)
            foreach (var (answer, target) in answers.Where(a => !Listed(Code(question), a.Key)))
                rows.Add(new ValueChoice { Column = Code(question), Value = answer, Target = target });
        foreach (var (name, sector) in mapping.NewOrganisations.Where(o => !Listed(Code(Question.Organisation), o.Key)))
            rows.Add(new ValueChoice { Column = Code(Question.Organisation), Value = name, Target = NewOrganisation, NewSector = sector });
        return rows;
    }

    /// <summary>
    /// The mapping the form asks for, keeping the stored column mapping. Choices of something that does not exist are
    /// ignored; Missing lists the rows that chose a new organisation without its sector.
    /// </summary>
    public (ImportMapping Mapping, IReadOnlyList<int> MissingSector) ToMapping(ImportMapping stored, IReadOnlyList<ValueChoice> choices)
    {
        var values = new Dictionary<Question, Dictionary<string, string>>();
        var newOrganisations = new Dictionary<string, string>();
        var missing = new List<int>();
        for (var i = 0; i < choices.Count; i++)
        {
            var (column, value, target) = (choices[i].Column, choices[i].Value?.Trim(), choices[i].Target);
            if (value is not { Length: > 0 } || target is not { Length: > 0 } || !Enum.TryParse<Question>(column, true, out var question)) continue;
            if (question == Question.Organisation && target == NewOrganisation)
            {
                if (Sectors.Any(s => s.Code == choices[i].NewSector)) newOrganisations[value] = choices[i].NewSector!;
                else missing.Add(i);
            }
            else if (question == Question.Organisation ? Organisations.Contains(target) : Categories(column).Any(c => c.Code == target))
            {
                if (!values.TryGetValue(question, out var answers)) values[question] = answers = [];
                answers[value] = target;
            }
        }
        return (new ImportMapping
        {
            Columns = stored.Columns,
            Values = values.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, string>)v.Value),
            NewOrganisations = newOrganisations,
        }, missing);
    }

    private static string? Stored(ImportMapping mapping, Question question, string value) =>
        question == Question.Organisation && mapping.NewOrganisationSector(value) is not null ? NewOrganisation : mapping.ValueFor(question, value);

    private static string Code(Question question) => question.ToString().ToLowerInvariant();
}
