using System.Globalization;
using System.Resources;
using Analytics.Core.Disclosure;
using Analytics.Core.Taxonomies;

namespace Analytics.Reporting.Exports;

/// <summary>
/// The language of an export: Swedish, or English. Chosen by the caller (the page's culture, the command line's English,
/// the quarterly job's Swedish), never read from the machine. The export's own words have their English in
/// Resources/ExportText.en.resx, keyed by the Swedish text; category labels take the taxonomy's English names.
/// </summary>
public sealed class ExportLanguage
{
    private static readonly ResourceManager Translations = new("Analytics.Reporting.Resources.ExportText", typeof(ExportLanguage).Assembly);

    public static readonly ExportLanguage Swedish = new(false);
    public static readonly ExportLanguage English = new(true);

    private ExportLanguage(bool english) => IsEnglish = english;

    private const string RolledUpPrefix = "ovriga:";

    public bool IsEnglish { get; }

    public CultureInfo Culture => CultureInfo.GetCultureInfo(IsEnglish ? "en-GB" : "sv-SE");

    /// <summary>English for an English culture (en, en-GB, en-US ...), Swedish for anything else.</summary>
    public static ExportLanguage Of(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? English : Swedish;

    /// <summary>The Swedish text, or its English translation, filled in with the arguments.</summary>
    public string Say(string swedish, params object?[] args)
    {
        var template = IsEnglish
            ? Translations.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)?.GetString(swedish) ?? swedish
            : swedish;
        return args.Length == 0 ? template : string.Format(Culture, template, args);
    }

    /// <summary>
    /// A category as this language names it. Snapshots label categories in Swedish; taxonomy categories have an English
    /// name, and organisations keep their own names.
    /// </summary>
    public string Label(string dimension, string code, string label)
    {
        if (!IsEnglish) return label;
        if (DimensionNames.TryParse(dimension, out var d) && Taxonomy.Find(Taxonomy.For(d), code) is { } category) return category.NameEn;
        if (code == Figures.ReportBuilder.UnmappedOrganisation) return Say("Ej mappad organisation");
        // Small organisations rolled up within their sector ("ovriga:kommun"), named after the sector in this language.
        return code.StartsWith(RolledUpPrefix, StringComparison.Ordinal) && Taxonomy.Find(Taxonomy.Sectors, code[RolledUpPrefix.Length..]) is { } sector
            ? Say("Övriga organisationer inom {0}", sector.NameEn.ToLower(Culture))
            : label;
    }

    public string Label(string dimension, ProtectedCell cell) => Label(dimension, cell.Code, cell.Label);

    /// <summary>A dimension's name: Sektor / Sector.</summary>
    public string Dimension(string code) =>
        DimensionNames.TryParse(code, out var d) ? IsEnglish ? d.NameEn() : d.NameSv() : code;

    public string YesNo(bool value) => value ? Say("Ja") : Say("Nej");
}
