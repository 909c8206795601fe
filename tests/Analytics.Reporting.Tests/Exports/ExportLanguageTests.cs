using System.Text.RegularExpressions;
using System.Xml.Linq;
using Analytics.Reporting.Exports;

namespace Analytics.Reporting.Tests.Exports;

public partial class ExportLanguageTests
{
    [GeneratedRegex("""\bSay\(\s*"((?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex Said();

    [Fact]
    public void Every_text_the_exports_say_has_an_english_translation()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Analytics.sln"))) root = root.Parent!;
        var reporting = Path.Combine(root.FullName, "src/Analytics.Reporting");
        var english = XDocument.Load(Path.Combine(reporting, "Resources/ExportText.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var said = Directory.EnumerateFiles(Path.Combine(reporting, "Exports"), "*.cs")
            .SelectMany(f => Said().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Distinct().ToList();

        said.Count.ShouldBeGreaterThan(80);
        said.Where(s => !english.Contains(s)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("sector", "kommun", "Kommun", "Municipality")]
    [InlineData("profession", "design-ux", "Design och UX", "Design and UX")]
    [InlineData("role", "talare", "Talare", "Speaker")]
    [InlineData("organisation", "ej-mappad", "Ej mappad organisation", "Unmapped organisation")]
    [InlineData("organisation", "ovriga:civilsamhalle", "Övriga organisationer inom civilsamhälle", "Other organisations in civil society")]
    [InlineData("organisation", "17", "Göteborgs Stad", "Göteborgs Stad")]
    public void Names_categories_by_the_taxonomys_english_names_and_organisations_by_their_own(string dimension, string code, string swedish, string english)
    {
        ExportLanguage.Swedish.Label(dimension, code, swedish).ShouldBe(swedish);
        ExportLanguage.English.Label(dimension, code, swedish).ShouldBe(english);
    }

    [Fact]
    public void Says_its_own_words_in_english_filled_in_with_english_numbers()
    {
        ExportLanguage.Swedish.Say("Sammanfattning").ShouldBe("Sammanfattning");
        ExportLanguage.English.Say("Sammanfattning").ShouldBe("Summary");
        ExportLanguage.English.Say("Skyddade siffror: grupper med färre än {0} personer visas som <{0}. Dataversion {1}.", 5, 1234)
            .ShouldBe("Protected figures: groups of fewer than 5 people show as <5. Data version 1234.");
    }

    [Theory]
    [InlineData("sv-SE", false)]
    [InlineData("en-GB", true)]
    [InlineData("en-US", true)]
    [InlineData("fi-FI", false)]
    public void Follows_an_english_culture_and_is_swedish_otherwise(string culture, bool english) =>
        ExportLanguage.Of(System.Globalization.CultureInfo.GetCultureInfo(culture)).IsEnglish.ShouldBe(english);
}
