using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Analytics.Core.Tests.Localisation;

public partial class TranslationsTests
{
    [GeneratedRegex("""CoreMessages\.Say\(\s*"((?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex Said();

    [Fact]
    public void Every_sentence_core_says_has_an_english_translation()
    {
        var root = Root();
        var english = XDocument.Load(Path.Combine(root, "src/Analytics.Core/Resources/CoreMessages.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var said = Directory.EnumerateFiles(Path.Combine(root, "src/Analytics.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Said().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Distinct().ToList();

        said.Count.ShouldBeGreaterThan(20);
        said.Where(s => !english.Contains(s)).ShouldBeEmpty();
    }

    private static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Analytics.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Analytics.sln not found above the test folder.");
    }
}
