using Analytics.EndToEnd.Site;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>
/// Each check fails on a page made to break it, so a green run means the pages passed, not that a check looked at nothing.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class CheckSelfTests(LiveSite site, ITestOutputHelper output)
{
    private const string SkipLinkAndMain = """<a href="#main">Till innehållet</a><main id="main" tabindex="-1">""";

    [Fact]
    public Task Axe_finds_an_image_without_a_text_alternative() =>
        FailsAsync($"""<html lang="sv"><title>t</title>{SkipLinkAndMain}<h1>Rubrik</h1><img src="data:," width="10" height="10"></main></html>""",
            AxeTests.AssertNoViolationsAsync, "image-alt");

    [Fact]
    public Task Skip_link_check_fails_when_the_first_tab_stop_is_not_a_skip_link() =>
        FailsAsync("""<a href="/">Hem</a><main id="main" tabindex="-1"><a href="/a">A</a></main>""",
            KeyboardTests.AssertSkipLinkAsync, "not a skip link");

    [Fact]
    public Task Tab_order_check_fails_when_focus_is_not_shown() =>
        FailsAsync($"""<style>:focus {"{"} outline: none {"}"}</style>{SkipLinkAndMain}<a href="/a">A</a></main>""",
            page => KeyboardTests.AssertTabOrderAsync(page, output), "shows no focus indicator");

    [Fact]
    public Task Skip_link_check_fails_on_a_page_with_a_menu_but_no_skip_link() =>
        FailsAsync("""<nav><a href="/">Hem</a></nav><main id="main"><h1>Rubrik</h1></main>""",
            KeyboardTests.AssertSkipLinkAsync, "not a skip link");

    [Fact]
    public Task Tab_order_check_fails_on_a_keyboard_trap() =>
        FailsAsync($"""
            {SkipLinkAndMain}<input id="a" aria-label="a"><input id="b" aria-label="b"></main><a href="/efter">Efter</a>
            <script>b.addEventListener('keydown', e => {"{"} if (e.key === 'Tab') {"{"} e.preventDefault(); a.focus(); {"}"} {"}"});</script>
            """, page => KeyboardTests.AssertTabOrderAsync(page, output), "keyboard trap");

    [Fact]
    public Task Zoom_check_fails_on_a_page_wider_than_the_window() =>
        FailsAsync($"""{SkipLinkAndMain}<table><tr><td style="min-width: 900px">bred</td></tr></table></main>""",
            ZoomTests.AssertFitsAsync, "scrolls sideways");

    [Fact]
    public Task Tab_order_check_fails_when_tab_jumps_back_against_the_reading_order() =>
        FailsAsync("""<a href="#main" tabindex="1">Till innehållet</a><main id="main" tabindex="-1"><a href="/a" tabindex="3">A</a><a href="/b" tabindex="2">B</a></main>""",
            page => KeyboardTests.AssertTabOrderAsync(page, output), "not the order the page reads in");

    [Fact]
    public Task Zoom_check_fails_on_content_cut_off_to_fit() =>
        FailsAsync($"""{SkipLinkAndMain}<p style="width: 200px; overflow: hidden; white-space: nowrap">{string.Concat(Enumerable.Repeat("ord ", 80))}</p></main>""",
            ZoomTests.AssertFitsAsync, "cut off");

    [Fact]
    public Task Chart_check_fails_on_a_chart_without_a_name_or_a_table() =>
        FailsAsync($"""{SkipLinkAndMain}<figure><svg role="img" width="10" height="10"><rect width="10" height="10"/></svg></figure></main>""",
            page => ChartTests.AssertChartsAsync(page, output), "has no text alternative");

    private Task FailsAsync(string html, Func<IPage, Task> check, string reason) =>
        site.OnContentAsync(html, async page =>
        {
            // Shouldly's own ThrowAsync lets a ShouldAssertException through, so record it instead.
            var failure = await Record.ExceptionAsync(() => check(page));
            failure.ShouldBeOfType<ShouldAssertException>().Message.ShouldContain(reason);
        });
}
