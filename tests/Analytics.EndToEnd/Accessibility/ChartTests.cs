using Analytics.EndToEnd.Site;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>
/// Charts (WCAG 1.1.1, issue 6): every chart tells assistive technology what it shows, in a title or an aria label that
/// is not hidden from it, and has its numbers in a table beside it.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class ChartTests(LiveSite site, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(SitePages.InSwedish), MemberType = typeof(SitePages))]
    public Task Every_chart_has_a_text_alternative_and_a_table(string page) =>
        site.CheckAsync(page, "charts", output, browserPage => AssertChartsAsync(browserPage, output));

    internal static async Task AssertChartsAsync(IPage page, ITestOutputHelper output)
    {
        var charts = await page.RunAsync<Chart[]>(Script);
        output.WriteLine($"{charts.Length} charts");
        var problems = charts.SelectMany(c => new[]
        {
            c.Hidden ? $"{c.Description} is hidden from assistive technology (aria-hidden)" : null,
            c.Name.Length == 0 ? $"{c.Description} has no text alternative (<title>, aria-label, aria-labelledby or <figcaption>)" : null,
            c.HasTable ? null : $"{c.Description} has no table of its numbers beside it",
        }).OfType<string>().ToList();
        problems.ShouldBeEmpty("Chart problems:\n- " + string.Join("\n- ", problems));
    }

    public sealed record Chart(string Description, string Name, bool Hidden, bool HasTable);

    private const string Script = """
        () => {
            const text = e => (e?.textContent ?? '').trim().replace(/\s+/g, ' ');
            const byIds = ids => (ids ?? '').split(/\s+/).filter(Boolean).map(id => document.getElementById(id)).filter(Boolean);
            const svgs = new Set([...document.querySelectorAll('svg[role=img], figure svg')]
                .map(s => { let top = s; while (top.parentElement?.closest('svg')) top = top.parentElement.closest('svg'); return top; }));
            return [...svgs].map((svg, i) => {
                const figure = svg.closest('figure');
                const name = svg.getAttribute('aria-label')?.trim() || byIds(svg.getAttribute('aria-labelledby')).map(text).join(' ')
                    || text(svg.querySelector(':scope > title')) || figure?.getAttribute('aria-label')?.trim()
                    || byIds(figure?.getAttribute('aria-labelledby')).map(text).join(' ') || text(figure?.querySelector('figcaption')) || '';
                const described = [...byIds(svg.getAttribute('aria-describedby')), ...byIds(svg.getAttribute('aria-details')),
                    ...byIds(figure?.getAttribute('aria-describedby')), ...byIds(figure?.getAttribute('aria-details'))];
                let hasTable = described.some(d => d.matches('table') || d.querySelector('table'));
                for (let up = svg.parentElement, level = 0; !hasTable && up && up !== document.body && level < 3; up = up.parentElement, level++)
                    hasTable = !!up.querySelector('table');
                const section = svg.closest('section, article');
                const heading = text(section?.querySelector('h1, h2, h3, h4'));
                return {
                    description: 'chart ' + (i + 1) + (heading ? ' ("' + heading + '")' : '') + (figure?.className ? ' in figure.' + figure.className.split(' ').join('.') : ''),
                    name,
                    hidden: !!svg.closest('[aria-hidden=true]'),
                    hasTable,
                };
            });
        }
        """;
}
