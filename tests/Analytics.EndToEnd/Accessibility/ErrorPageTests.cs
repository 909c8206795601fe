using Analytics.EndToEnd.Site;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>The page people see at a wrong address is a page like any other: accessible, in both languages.</summary>
[Collection(LiveSiteCollection.Name)]
public sealed class ErrorPageTests(LiveSite site, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/finns-inte")]
    [InlineData("/finns-inte?culture=en-GB")]
    public Task Not_found_page_is_accessible(string page) =>
        site.CheckAsync(page, "not-found", output, browserPage => AllChecks.AssertAsync(browserPage, output, page), status: 404);
}
