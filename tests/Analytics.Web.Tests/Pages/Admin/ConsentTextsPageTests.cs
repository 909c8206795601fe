using System.Net;
using Analytics.Core.Audit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Analytics.Web.Tests.Pages.CheckIn;
using static Analytics.Web.Tests.Pages.CheckIn.CheckInPages;

namespace Analytics.Web.Tests.Pages.Admin;

[Collection(WebCollection.Name)]
public sealed class ConsentTextsPageTests(AnalyticsWebFactory factory) : IAsyncLifetime
{
    private readonly TestEvents _events = new(factory);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => _events.RemoveAsync();

    private static async Task<HttpResponseMessage> AddAsync(HttpClient client, string version, string sv = "Ny text.", string en = "New text.")
    {
        var form = await client.GetStringAsync("/admin/samtycke");
        return await client.PostAsync("/admin/samtycke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version, ["TextSv"] = sv, ["TextEn"] = en, ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form),
        }));
    }

    [Fact]
    public async Task An_admin_adds_a_version_which_the_check_in_form_shows_from_then_on_and_each_consent_names()
    {
        var version = $"test-{Guid.NewGuid():N}"[..20];
        var client = factory.AdminClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var added = await AddAsync(client, version, "Jag samtycker till testtexten.", "I consent to the test text.");

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await client.GetStringAsync(added.Headers.Location!.ToString());
        list.ShouldContain("Den nya versionen används nu på incheckningen.");
        list.ShouldContain($"<th scope=\"row\">{version} <span class=\"tag\">används</span></th>");
        list.ShouldContain("<th scope=\"row\">1</th>", customMessage: "the first version stays listed, no longer in use");

        var slug = await _events.OpenAsync();
        var form = await factory.AnonymousClient().GetStringAsync($"/checka-in/{slug}");
        form.ShouldContain($"<span class=\"consent-version\">Version {version}</span>");
        form.ShouldContain("Jag samtycker till testtexten.");
        (await factory.AnonymousClient().GetStringAsync($"/checka-in/{slug}?culture=en-GB")).ShouldContain("I consent to the test text.");

        await CheckInAsync(factory.AnonymousClient(), slug, Consenting);
        (await QueryAsync(factory, db => db.ConsentRecords.Where(c => db.Events.Any(e => e.Id == c.EventId && e.Slug == slug)).Select(c => c.TextVersion).SingleAsync()))
            .ShouldBe(version);
        (await QueryAsync(factory, db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.SettingChanged && a.Detail == $"version={version}"))).ShouldBe(1);
    }

    [Fact]
    public async Task A_version_name_in_use_or_a_missing_translation_is_refused_with_a_sentence()
    {
        var client = factory.AdminClient();

        (await (await AddAsync(client, "1")).Content.ReadAsStringAsync()).ShouldContain("Versionen finns redan; ge den nya texten ett nytt versionsnamn.");
        (await (await AddAsync(client, "utan-engelska", en: "")).Content.ReadAsStringAsync()).ShouldContain("Skriv texten på både svenska och engelska.");
    }

    [Fact]
    public async Task Is_for_admins_only()
    {
        (await factory.Client(TestAccount.OrganiserA).GetAsync("/admin/samtycke")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.Client(TestAccount.Steering).GetAsync("/admin/samtycke")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
