using System.Text;
using Analytics.EndToEnd.Site;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>axe-core on every page: zero WCAG 2.0 and 2.1 level A and AA violations, and a screenshot of each page.</summary>
[Collection(LiveSiteCollection.Name)]
public sealed class AxeTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly AxeRunOptions WcagAandAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Every element of every passing check, sent back from the page, is most of axe's time on a long page.
        ResultTypes = [ResultType.Violations],
    };

    [Theory]
    [MemberData(nameof(SitePages.InBothLanguages), MemberType = typeof(SitePages))]
    public Task Has_no_WCAG_A_or_AA_violations(string page) =>
        site.CheckAsync(page, "axe", output, async browserPage =>
        {
            output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(browserPage, page)}");
            await AssertNoViolationsAsync(browserPage);
        });

    internal static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAandAA);
        result.Violations.ShouldBeEmpty(Describe(result.Violations));
    }

    /// <summary>Every violation with every element it was found on, so the fix can start from the test output.</summary>
    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder("WCAG violations found by axe-core:");
        foreach (var violation in violations)
        {
            text.Append($"\n- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes)
            {
                text.Append($"\n    at {node.Target}: {node.Html}");
                // axe's own reasons: "any" lists alternatives of which none held, "all" and "none" each broken check.
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                    text.Append($"\n      {check.Message}");
            }
        }
        return text.ToString();
    }
}
