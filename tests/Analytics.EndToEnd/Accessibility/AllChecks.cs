using Analytics.EndToEnd.Site;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>
/// Every page check in one go, for a page that a form submission or an error reaches rather than its address in
/// <see cref="SitePages"/>: a screenshot, axe, the skip link, the tab order, the charts, and 200 % zoom last, since it
/// changes the viewport.
/// </summary>
internal static class AllChecks
{
    public static async Task AssertAsync(IPage page, ITestOutputHelper output, string name)
    {
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, name)}");
        await AxeTests.AssertNoViolationsAsync(page);
        await KeyboardTests.AssertSkipLinkAsync(page);
        await KeyboardTests.AssertTabOrderAsync(page, output);
        await ChartTests.AssertChartsAsync(page, output);
        await ZoomTests.ZoomTo200PercentAsync(page);
        await ZoomTests.AssertFitsAsync(page);
    }
}
