using Analytics.EndToEnd.Site;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>
/// Every page a role reaches, seen as that role (logged out, organiser, steering group): axe, the skip link, the tab
/// order through every form and filter, the charts' text alternatives and 200 % zoom, in one visit per page so the
/// run stays short. The role logs in once, through the login form, and every page starts from those cookies.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class RoleTests(LiveSite site, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(SitePages.ForEachRole), MemberType = typeof(SitePages))]
    public Task Passes_every_accessibility_check_as_the_role_sees_it(SiteRole role, string page) =>
        site.CheckAsync(page, $"as-{role}", output, browserPage =>
            AllChecks.AssertAsync(browserPage, output, $"{(page == "/" ? "/index" : page)}.{role.ToString().ToLowerInvariant()}"), role: role);
}
