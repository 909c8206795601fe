using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Analytics.Web.Tests.Hosting;

public sealed partial class TranslationsTests
{
    // @L["Svensk text"] or @L["Svensk text", arguments] in a view, and localizer["Svensk text"] in a page model.
    [GeneratedRegex("""(?:\bL|localizer|Localizer)\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex Localised();

    [Fact]
    public void Every_swedish_text_on_a_page_has_an_english_translation()
    {
        var web = Path.Combine(Root(), "src/Analytics.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources/SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var texts = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Localised().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: Regex.Unescape(m.Groups[1].Value))))
            .ToList();

        texts.Count.ShouldBeGreaterThan(50);
        texts.Where(t => !english.Contains(t.Text)).Select(t => $"{t.File}: {t.Text}").Distinct().ShouldBeEmpty();
    }

    private static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Analytics.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Analytics.sln not found above the test folder.");
    }
}
