using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Web.Tests.Pages.Shared;

[Collection(WebCollection.Name)]
public sealed class LanguageSwitchTests(AnalyticsWebFactory factory)
{
    [Fact]
    public async Task Stores_the_choice_in_the_culture_cookie_and_returns_to_the_same_page()
    {
        var client = factory.AdminClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/sprak/en-GB?tillbaka=%2Fevenemang%3Fformat%3Dtraff");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/evenemang?format=traff");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture="));
        cookie.ShouldContain("c%3Den-GB%7Cuic%3Den-GB");
        cookie.ShouldContain("expires=", Case.Insensitive);
    }

    [Fact]
    public async Task Changes_the_labels_and_keeps_them_changed_on_the_next_pages()
    {
        var client = factory.AdminClient();

        var swedish = await client.PageAsync("/trender");
        var english = await client.PageAsync("/sprak/en-GB?tillbaka=/trender");
        var next = await client.PageAsync("/kvartal");

        swedish.QuerySelector("h1")!.Text().ShouldBe("Trender");
        english.QuerySelector("h1")!.Text().ShouldBe("Trends");
        english.QuerySelector("nav.site-nav")!.Text().ShouldContain("Overview");
        next.QuerySelector("h1")!.Text().ShouldBe("Quarterly reports");
        next.DocumentElement.GetAttribute("lang").ShouldBe("en");

        var back = await client.PageAsync("/sprak/sv-SE?tillbaka=/kvartal");
        back.QuerySelector("h1")!.Text().ShouldBe("Kvartalsrapporter");
    }

    [Fact]
    public async Task Links_to_the_other_language_and_back_to_this_page_without_the_query_culture()
    {
        var page = await factory.AdminClient().PageAsync("/evenemang?format=traff&culture=en-GB");

        var link = page.QuerySelector("a.language")!;
        link.Text().ShouldBe("På svenska");
        link.GetAttribute("lang").ShouldBe("sv");
        link.GetAttribute("href").ShouldBe("/sprak/sv-SE?tillbaka=%2Fevenemang%3Fformat%3Dtraff");
    }

    [Theory]
    [InlineData("//example.org/")]
    [InlineData("/\\example.org")]
    [InlineData("https://example.org/")]
    public async Task Never_returns_to_another_site(string back)
    {
        var client = factory.AdminClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/sprak/en-GB?tillbaka={Uri.EscapeDataString(back)}");

        response.Headers.Location!.OriginalString.ShouldBe("/");
    }
}
