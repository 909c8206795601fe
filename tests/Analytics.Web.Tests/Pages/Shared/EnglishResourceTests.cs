using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Analytics.Web.Tests.Pages.Shared;

/// <summary>
/// What Hosting/TranslationsTests cannot see in the views: texts looked up by a name held in code (key figures, trend
/// groups), and resource names that collide.
/// </summary>
public sealed partial class EnglishResourceTests
{
    private static readonly string Web = Path.Combine(RepositoryRoot(), "src", "Analytics.Web");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Analytics.sln"))) folder = folder.Parent;
        return folder.ShouldNotBeNull("the tests run inside the repository").FullName;
    }

    private static List<string> EnglishKeys() =>
        [.. XDocument.Load(Path.Combine(Web, "Resources", "SharedResource.en.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    [Fact]
    public void Every_key_figure_and_trend_group_is_named_in_english_too()
    {
        var names = new[] { Path.Combine("Shared", "KeyFigure.cs"), Path.Combine("Trends", "TrendGroup.cs") }
            .SelectMany(f => SwedishName().Matches(File.ReadAllText(Path.Combine(Web, "Pages", f))).Select(m => m.Groups[1].Value))
            .ToList();

        names.Count.ShouldBeGreaterThanOrEqualTo(15);
        names.Except(EnglishKeys()).ShouldBeEmpty();
    }

    /// <summary>Two names that differ only in case resolve to one translation: with "Andel" beside it, "andel" stayed Swedish.</summary>
    [Fact]
    public void No_two_english_translations_differ_only_in_letter_case() =>
        EnglishKeys().GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();

    /// <summary>The Swedish name: the second argument of a key figure or a trend group.</summary>
    [GeneratedRegex(@"new\(""[^""]*"", ""([^""]*)""")]
    private static partial Regex SwedishName();
}
