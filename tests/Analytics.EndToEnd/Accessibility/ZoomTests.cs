using Analytics.EndToEnd.Site;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>
/// 200 % zoom without loss (WCAG 1.4.4, 1.4.10): a 1280 px wide window zoomed to 200 % lays the page out in 640 CSS px,
/// as a 640 px wide viewport does. The page must then fit without scrolling sideways, and without cutting anything off
/// to fit; a wide table may scroll inside its own container, never the whole page.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class ZoomTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly ViewportSize ZoomedTo200Percent = new() { Width = 640, Height = 800 };

    [Theory]
    [MemberData(nameof(SitePages.InBothLanguages), MemberType = typeof(SitePages))]
    public Task Fits_the_width_at_200_percent_zoom(string page) =>
        site.CheckAsync(page, "zoom200", output, AssertFitsAsync, ZoomedTo200Percent);

    /// <summary>Sets the zoomed viewport, for a page reached some other way than by its address.</summary>
    internal static async Task ZoomTo200PercentAsync(IPage page) => await page.SetViewportSizeAsync(ZoomedTo200Percent.Width, ZoomedTo200Percent.Height);

    internal static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.RunAsync<Overflow>(Script);
        overflow.PageWidth.ShouldBeLessThanOrEqualTo(overflow.ViewportWidth,
            $"The page scrolls sideways at 200 % zoom ({overflow.PageWidth} px of content in {overflow.ViewportWidth} px). "
            + "Wider than the window: " + string.Join("; ", overflow.Culprits));
        // Fitting by cutting is loss too: no box may hide part of its content.
        overflow.Clipped.ShouldBeEmpty("Content cut off at 200 % zoom: " + string.Join("; ", overflow.Clipped));
    }

    public sealed record Overflow(int PageWidth, int ViewportWidth, string[] Culprits, string[] Clipped);

    /// <summary>The outermost elements that stick out, unless a scrolling container of their own holds them.</summary>
    private const string Script = """
        () => {
            const root = document.scrollingElement;
            const width = root.clientWidth;
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
            // A box that hides what does not fit (overflow hidden or clip, or an ellipsis) and has more than fits. A box of
            // 1 px is the visually hidden text for screen readers, which is meant to be cut.
            const clipped = [...document.body.querySelectorAll('*')].filter(e => {
                const s = getComputedStyle(e);
                const cuts = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY) || s.textOverflow === 'ellipsis';
                return cuts && e.clientWidth > 1 && e.clientHeight > 1 && e.checkVisibility()
                    && ((['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis') && e.scrollWidth > e.clientWidth + 1
                        || ['hidden', 'clip'].includes(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
            }).slice(0, 8).map(e => name(e) + ' (' + e.scrollWidth + 'x' + e.scrollHeight + ' px of content in ' + e.clientWidth + 'x' + e.clientHeight + ')');
            if (root.scrollWidth <= width) return { pageWidth: root.scrollWidth, viewportWidth: width, culprits: [], clipped };
            const scrollsItself = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                const x = getComputedStyle(p).overflowX; if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true; } return false; };
            const sticksOut = e => e.getBoundingClientRect().right > width + 0.5 && !scrollsItself(e);
            const culprits = [...document.body.querySelectorAll('*')]
                .filter(e => sticksOut(e) && !(e.parentElement && e.parentElement !== document.body && sticksOut(e.parentElement)))
                .slice(0, 8)
                .map(e => name(e) + ' (' + Math.round(e.getBoundingClientRect().width) + ' px wide, right edge at ' + Math.round(e.getBoundingClientRect().right) + ' px)');
            return { pageWidth: root.scrollWidth, viewportWidth: width, culprits, clipped };
        }
        """;
}
