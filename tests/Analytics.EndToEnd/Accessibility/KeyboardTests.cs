using Analytics.EndToEnd.Site;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>
/// Keyboard-only use (WCAG 2.1.1, 2.1.2, 2.4.1, 2.4.7): Tab reaches every control, each shows where focus is, focus is
/// never trapped, and the skip link comes first and takes focus to the main content.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class KeyboardTests(LiveSite site, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(SitePages.InSwedish), MemberType = typeof(SitePages))]
    public Task Skip_link_is_the_first_tab_stop_and_moves_focus_to_main(string page) =>
        site.CheckAsync(page, "skip-link", output, AssertSkipLinkAsync);

    [Theory]
    [MemberData(nameof(SitePages.InSwedish), MemberType = typeof(SitePages))]
    public Task Tab_reaches_every_control_with_visible_focus_and_never_traps(string page) =>
        site.CheckAsync(page, "tab-order", output, browserPage => AssertTabOrderAsync(browserPage, output));

    internal static async Task AssertSkipLinkAsync(IPage page)
    {
        await page.EvaluateAsync(FocusScripts.StartFromTop);
        await page.Keyboard.PressAsync("Tab");
        var first = await page.RunAsync<FocusedElement>(FocusScripts.Focused);
        first.Href.ShouldEndWith("#main", customMessage: $"The first tab stop is {first.Description}, not a skip link to #main");
        first.OnScreen.ShouldBeTrue($"The skip link {first.Description} has focus but is not on screen");

        await page.Keyboard.PressAsync("Enter");
        var target = await page.RunAsync<FocusedElement>(FocusScripts.Focused);
        target.Id.ShouldBe("main", $"After the skip link, focus is on {target.Description}, not on #main");

        await page.Keyboard.PressAsync("Tab");
        var next = await page.RunAsync<FocusedElement>(FocusScripts.Focused);
        // With no control in or after the main content, Tab rightly leaves the page or comes round to the top.
        if (next.ControlsInOrAfterMain)
            next.InOrAfterMain.ShouldBeTrue($"The tab stop after the skip link, {next.Description}, is before the main content");
    }

    /// <summary>
    /// Tabs from the top of the page until focus leaves it (or comes round to the first control again), checking each stop.
    /// </summary>
    internal static async Task AssertTabOrderAsync(IPage page, ITestOutputHelper output)
    {
        await page.EvaluateAsync(FocusScripts.StartFromTop);
        var controls = await page.EvaluateAsync<string[]>(FocusScripts.RememberTabbables);
        var reached = new HashSet<int>();
        var problems = new List<string>();
        var leftThePage = false;
        // Two extra presses: one to leave the last control, one spare, so a page that cycles is told from one that traps.
        for (var press = 0; press < controls.Length + 2 && !leftThePage; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.RunAsync<TabStop>(FocusScripts.CheckTabStop);
            if (stop.LeftThePage || stop.CameRound)
            {
                leftThePage = true;
                break;
            }
            if (stop.SeenBefore)
            {
                problems.Add($"focus came back to {stop.Description} before leaving the page: a keyboard trap");
                break;
            }
            if (stop.Index >= 0) reached.Add(stop.Index);
            if (!stop.FocusVisible) problems.Add($"{stop.Description} shows no focus indicator (outline, box-shadow, border and background unchanged)");
            if (!stop.OnScreen) problems.Add($"{stop.Description} has focus but is not on screen");
        }
        if (!leftThePage && problems.Count == 0)
            problems.Add($"focus was still on the page after {controls.Length + 2} presses of Tab: a keyboard trap, or stops on things that are not controls");
        problems.AddRange(controls.Where((_, i) => !reached.Contains(i)).Select(c => $"{c} is never reached with Tab"));
        output.WriteLine($"{reached.Count} of {controls.Length} controls reached with Tab");

        problems.ShouldBeEmpty("Keyboard problems:\n- " + string.Join("\n- ", problems));
    }

    public sealed record FocusedElement(string Description, string Id, string Href, bool OnScreen, bool InOrAfterMain, bool ControlsInOrAfterMain);

    public sealed record TabStop(bool LeftThePage, bool CameRound, bool SeenBefore, int Index, string Description, bool FocusVisible, bool OnScreen);
}
