namespace Analytics.Core.Taxonomies;

/// <summary>A way of breaking people down. Codes are the lower-case names used in JSON and URLs.</summary>
public enum Dimension
{
    Sector,
    Profession,
    Organisation,
    Municipality,
    Role,
}

public static class DimensionNames
{
    public static string Code(this Dimension dimension) => dimension.ToString().ToLowerInvariant();

    public static string NameSv(this Dimension dimension) => dimension switch
    {
        Dimension.Sector => "Sektor",
        Dimension.Profession => "Yrke",
        Dimension.Organisation => "Organisation",
        Dimension.Municipality => "Kommun",
        Dimension.Role => "Roll",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public static string NameEn(this Dimension dimension) => dimension switch
    {
        Dimension.Sector => "Sector",
        Dimension.Profession => "Profession",
        Dimension.Organisation => "Organisation",
        Dimension.Municipality => "Municipality",
        Dimension.Role => "Role",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public static bool TryParse(string? code, out Dimension dimension) =>
        Enum.TryParse(code, ignoreCase: true, out dimension) && Enum.IsDefined(dimension);
}
