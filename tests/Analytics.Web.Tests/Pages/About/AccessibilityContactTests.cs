using Analytics.Data.Configuration;
using Analytics.Web.Pages.About;
using Analytics.Web.Tests.Pages.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Analytics.Web.Tests.Pages.About;

/// <summary>The accessibility statement must say where to report a problem (DOS-lagen, Digg's model statement).</summary>
[Collection(WebCollection.Name)]
public sealed class AccessibilityContactTests(AnalyticsWebFactory factory)
{
    [Fact]
    public async Task The_statement_names_the_contact_in_its_reporting_section_for_anyone()
    {
        var page = await factory.AnonymousClient().PageAsync("/tillganglighet");

        var link = page.QuerySelectorAll("main a").Single(a => a.GetAttribute("href")!.StartsWith("mailto:", StringComparison.Ordinal));
        link.GetAttribute("href").ShouldBe("mailto:tillganglighet@example.org");
        link.Text().ShouldBe("tillganglighet@example.org");
        page.QuerySelector("main")!.Text().ShouldContain("Skriv till kontaktadressen ovan");
        page.QuerySelectorAll("main h2").Select(h => h.Text()).ShouldContain("Tillsyn");
        page.QuerySelector("main")!.Text().ShouldContain("delvis förenlig med lagen om tillgänglighet till digital offentlig service");
    }

    [Theory]
    [InlineData("tillganglighet@otg-vast.se", "mailto:tillganglighet@otg-vast.se", "tillganglighet@otg-vast.se")]
    [InlineData("  kontakt@region.se ", "mailto:kontakt@region.se", "kontakt@region.se")]
    [InlineData("https://otg-vast.se/kontakt", "https://otg-vast.se/kontakt", "https://otg-vast.se/kontakt")]
    public void A_configured_e_mail_or_https_address_becomes_the_link(string configured, string href, string text)
    {
        var contact = AccessibilityContact.From(Settings(configured), Environment(Environments.Production));

        contact.ShouldBe(new AccessibilityContact(href, text));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://otg-vast.se/kontakt")]
    [InlineData("mailto:kontakt@region.se")]
    [InlineData("kontakt at region.se")]
    public void Anything_else_stops_the_start_with_one_sentence(string configured)
    {
        var problem = Should.Throw<ConfigurationProblem>(() => AccessibilityContact.From(Settings(configured), Environment(Environments.Production)));

        problem.Message.ShouldStartWith("Accessibility:Contact är");
        problem.Message.ShouldContain("e-postadress");
    }

    [Fact]
    public void Outside_development_a_server_does_not_start_without_one()
    {
        var problem = Should.Throw<ConfigurationProblem>(() => AccessibilityContact.From(Settings(null), Environment(Environments.Production)));

        problem.Message.ShouldStartWith("Accessibility:Contact saknas");
        AccessibilityContact.From(Settings(null), Environment(Environments.Development)).Text.ShouldBe("tillganglighet@example.org");
    }

    private static IConfiguration Settings(string? contact) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AccessibilityContact.Setting] = contact }).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
