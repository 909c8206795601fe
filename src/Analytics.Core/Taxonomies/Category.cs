namespace Analytics.Core.Taxonomies;

/// <summary>One category of a taxonomy, named in Swedish first and English second.</summary>
public sealed record Category(string Code, string NameSv, string NameEn, string? StandardCode = null)
{
    public string Name(bool english) => english ? NameEn : NameSv;
}
