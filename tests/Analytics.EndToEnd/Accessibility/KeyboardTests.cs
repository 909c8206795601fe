using Analytics.EndToEnd.Site;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>
/// Keyboard-only use (WCAG 2.1.1, 2.1.2, 2.4.1, 2.4.3, 2.4.7): Tab reaches every control in the order of the page's source
/// (no positive tabindex, no script sending focus back), each shows where focus is, focus is never trapped, the skip link
/// comes first and takes focus to the main content, and each filter form changes and submits with keys alone.
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

    /// <summary>
    /// Each GET form that filters a page: Tab to its first choice, change it with an arrow key, Tab to its button, Enter;
    /// the page that comes back has the choice made.
    /// </summary>
    [Theory]
    [InlineData("/", "form.filters")]
    [InlineData("/evenemang", "form.event-filters")]
    [InlineData("/balans", "form.filters")]
    [InlineData("/balans", "form.panel-form")]
    [InlineData("/rackvidd", "form.filters")]
    [InlineData("/oppna-data", "form.filters")]
    public Task Each_filter_form_changes_and_submits_with_the_keyboard_alone(string page, string form) =>
        site.CheckAsync(page, "filter-keys", output, async browserPage =>
        {
            var select = browserPage.Locator($"{form} select").First;
            var (id, name) = (await select.GetAttributeAsync("id"), await select.GetAttributeAsync("name"));
            var (before, index, count) = System.Text.Json.JsonSerializer.Deserialize<SelectState>(await select.EvaluateAsync<System.Text.Json.JsonElement>(
                "s => ({ value: s.value, index: s.selectedIndex, count: s.options.length })"), System.Text.Json.JsonSerializerOptions.Web)!;
            count.ShouldBeGreaterThan(1, $"{form} #{id} offers a choice");

            await browserPage.EvaluateAsync(FocusScripts.StartFromTop);
            await TabToAsync(browserPage, $"{form} #{id}");
            await browserPage.Keyboard.PressAsync(index == count - 1 ? "ArrowUp" : "ArrowDown");
            var chosen = await select.InputValueAsync();
            chosen.ShouldNotBe(before, $"an arrow key changes {form} #{id}");
            await TabToAsync(browserPage, $"{form} button[type=submit]");
            await browserPage.Keyboard.PressAsync("Enter");
            await browserPage.WaitForURLAsync(url => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query)
                .TryGetValue(name!, out var value) && value == chosen);
            (await browserPage.Locator($"{form} #{id}").InputValueAsync()).ShouldBe(chosen, "the page shows the choice it was sent");
        });

    /// <summary>Presses Tab until <paramref name="selector"/> has focus, as someone without a mouse gets there.</summary>
    internal static async Task TabToAsync(IPage page, string selector, int limit = 200)
    {
        for (var press = 0; press < limit; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
        }
        throw new ShouldAssertException($"{selector} is not reached within {limit} presses of Tab");
    }

    internal static async Task AssertSkipLinkAsync(IPage page)
    {
        // A page with no control and no menu (the check-in screen on a projector) has no block to bypass (WCAG 2.4.1).
        if (await page.EvaluateAsync<bool>(FocusScripts.NothingToBypass)) return;
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
        var previous = -1;
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
            if (stop.Index >= 0)
            {
                // The page's source order is its reading order here (no layout reorders controls); a positive tabindex or
                // a script that sends focus back would break it.
                if (stop.Index < previous)
                    problems.Add($"Tab goes back from {controls[previous]} to {stop.Description}: not the order the page reads in");
                reached.Add(stop.Index);
                previous = stop.Index;
            }
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

    public sealed record SelectState(string Value, int Index, int Count);

    public sealed record TabStop(bool LeftThePage, bool CameRound, bool SeenBefore, int Index, string Description, bool FocusVisible, bool OnScreen);
}
