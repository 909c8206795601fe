using System.Net;
using Analytics.Data;
using Analytics.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Security;

/// <summary>
/// Organiser B asks for organisation A's event by its slug, its upload and its import batch, on every page and download
/// that shows one event: the answer is 404, as for an event that does not exist, and never any of its data.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TamperingTests(AnalyticsWebFactory factory)
{
    public static TheoryData<string> AddressesOfA => new(
        "/evenemang/{A}",
        "/evenemang/{A}?handler=png&diagram=sector",
        "/export/event/{A}.xlsx",
        "/export/event/{A}.csv",
        "/export/event/{A}.csv?culture=en-GB",
        "/api/reports/event/{A}",
        "/import/granska/{token}",
        "/import/status/{token}",
        "/import/batch/{batch}",
        "/import/batch/{batch}/fel.csv");

    private async Task<string> AddressAsync(string template)
    {
        var (token, batch) = await SecurityFixtures.OfOrganisationAAsync(factory);
        return template.Replace("{A}", AnalyticsWebFactory.EventOfA).Replace("{token}", token).Replace("{batch}", batch.ToString());
    }

    [Theory]
    [MemberData(nameof(AddressesOfA))]
    public async Task Organiser_b_gets_not_found_for_organisation_a_s_event(string template)
    {
        var url = await AddressAsync(template);
        var client = factory.Client(TestAccount.OrganiserB, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain("Första mötet", Case.Insensitive);
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/csv");
    }

    [Theory]
    [MemberData(nameof(AddressesOfA))]
    public async Task Organiser_a_gets_its_own_event(string template)
    {
        var url = await AddressAsync(template);
        var client = factory.Client(TestAccount.OrganiserA, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Redirect], url);
    }

    [Fact]
    public async Task Organiser_b_cannot_confirm_or_remap_organisation_a_s_upload()
    {
        var (token, _) = await SecurityFixtures.OfOrganisationAAsync(factory);
        var client = factory.Client(TestAccount.OrganiserB, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/import");

        foreach (var handler in new[] { "Confirm", "Preview" })
        {
            var response = await client.PostAsync($"/import/granska/{token}?handler={handler}", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form) }));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, handler);
        }
    }

    [Fact]
    public async Task Organiser_b_can_neither_choose_nor_post_an_upload_for_organisation_a_s_event()
    {
        var client = factory.Client(TestAccount.OrganiserB);
        var form = await client.GetStringAsync("/import");
        form.ShouldNotContain($"value=\"{AnalyticsWebFactory.EventOfA}\"");
        form.ShouldContain($"value=\"{factory.EventOfB}\"");

        using var body = new MultipartFormDataContent
        {
            { new StringContent(AnalyticsWebFactory.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(AnalyticsWebFactory.EventOfA), "event" },
            { new StringContent(""), "kind" },
            { new ByteArrayContent("a\tb\n1\t2\n"u8.ToArray()), "file", "list.tsv" },
        };
        var response = await client.PostAsync("/import", body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again with its error");
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/import");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Evenemanget finns inte längre; välj ett i listan.");
    }

    [Fact]
    public async Task Organiser_b_s_import_history_lists_only_its_own_events()
    {
        var (_, batchOfA) = await SecurityFixtures.OfOrganisationAAsync(factory);

        var html = await factory.Client(TestAccount.OrganiserB).GetStringAsync("/import/historik");

        html.ShouldNotContain($"href=\"/import/batch/{batchOfA}\"");
        html.ShouldNotContain(AnalyticsWebFactory.EventOfA);
        (await factory.AdminClient().GetStringAsync("/import/historik")).ShouldContain($"href=\"/import/batch/{batchOfA}\"");
    }

    [Fact]
    public async Task The_balance_page_shows_organiser_b_only_its_own_planned_events()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var now = SampleClock.UtcNow;
        var othersPlanned = await db.Events.Where(e => e.StartsAtUtc > now && !e.Hosts.Any(h => h.OrganisationId == factory.OrganisationOfB))
            .Select(e => e.Slug).ToListAsync();
        othersPlanned.ShouldNotBeEmpty("the sample data plans events in December 2026");

        var asB = await factory.Client(TestAccount.OrganiserB).GetStringAsync($"/balans?evenemang={othersPlanned[0]}");
        var asAdmin = await factory.AdminClient().GetStringAsync($"/balans?evenemang={othersPlanned[0]}");

        foreach (var slug in othersPlanned)
        {
            asB.ShouldNotContain($"value=\"{slug}\"");
            asB.ShouldNotContain($"href=\"/evenemang/{slug}\"");
        }
        asAdmin.ShouldContain($"value=\"{othersPlanned[0]}\"");
    }
}
