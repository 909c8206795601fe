namespace Analytics.Core.Taxonomies;

/// <summary>The stored, admin-editable copy of a taxonomy category, seeded from <see cref="Taxonomy"/>.</summary>
public sealed class TaxonomyCategory
{
    public int Id { get; set; }
    public required string Dimension { get; set; }
    public required string Code { get; set; }
    public required string NameSv { get; set; }
    public required string NameEn { get; set; }
    public string? StandardCode { get; set; }

    /// <summary>Answers that mean this category ("Kommunal verksamhet"), separated by '|', matched after normalisation.</summary>
    public string? Synonyms { get; set; }
    public int SortOrder { get; set; }
}
