using System.Globalization;
using Analytics.Core.Taxonomies;
using Analytics.Reporting.Charts;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Shared;

/// <summary>
/// Category names in the reader's language. Snapshots carry the Swedish names; the English ones come from the taxonomy
/// by code. Organisations keep their own names, and their roll-ups are named by disclosure control in the page's language.
/// </summary>
public sealed class CategoryNames(IStringLocalizer<SharedResource> localizer)
{
    private const string UnmappedOrganisation = "ej-mappad";

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Name(string dimension, string code, string label)
    {
        if (dimension == Dimension.Organisation.Code())
            return code == UnmappedOrganisation ? localizer["Ej mappad organisation"] : label;
        if (!English || !DimensionNames.TryParse(dimension, out var known)) return label;
        return Taxonomy.Find(Taxonomy.For(known), code)?.NameEn ?? label;
    }

    /// <summary>The same naming, for a chart of the given dimension.</summary>
    public CategoryName For(string dimension) => (code, label) => Name(dimension, code, label);

    /// <summary>An event format ("traff") by its name in the reader's language.</summary>
    public static string Format(string code) => Taxonomy.Find(Taxonomy.EventFormats, code)?.Name(English) ?? code;

    /// <summary>A municipality by its kommunkod; names are the same in both languages except "Utanför Sverige".</summary>
    public static string Municipality(string? code) => Taxonomy.Find(Municipalities.All, code)?.Name(English) ?? code ?? "–";

    /// <summary>A dimension's name ("Sektor") in the reader's language.</summary>
    public static string DimensionName(string code) =>
        DimensionNames.TryParse(code, out var dimension) ? (English ? dimension.NameEn() : dimension.NameSv()) : code;
}
