using System.Net;
using Analytics.Core.Participations;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using static Analytics.Web.Tests.Pages.CheckIn.CheckInPages;

namespace Analytics.Web.Tests.Pages.CheckIn;

[Collection(WebCollection.Name)]
public sealed class CheckInPageTests(AnalyticsWebFactory factory) : IAsyncLifetime
{
    private readonly TestEvents _events = new(factory);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => _events.RemoveAsync();

    [Fact]
    public async Task Shows_the_form_to_anyone_with_the_consent_text_and_its_version_and_a_hidden_honeypot()
    {
        var slug = await _events.OpenAsync();

        var html = await factory.AnonymousClient().GetStringAsync($"/checka-in/{slug}");

        html.ShouldContain("<h1 class=\"checkin-title\"><span class=\"checkin-kicker\">Checka in</span> Incheckningstest</h1>");
        html.ShouldMatch(@"<span class=""consent-version"">Version [^<]+</span>");
        html.ShouldContain("Jag samtycker");
        html.ShouldContain("<option value=\"kommun\">Kommun</option>");
        html.ShouldContain("<option value=\"Göteborgs Stad\"></option>", customMessage: "known organisations are offered to search in");
        html.ShouldContain("<label for=\"other-organisation\">Min organisation finns inte i listan</label>");
        html.ShouldContain("<div class=\"website-field\" aria-hidden=\"true\">");
        html.ShouldContain("name=\"Form.Website\" type=\"text\" tabindex=\"-1\"");
        html.ShouldNotContain("class=\"site-nav\"", customMessage: "the attendee's pages have no staff menu");

        var english = await factory.AnonymousClient().GetStringAsync($"/checka-in/{slug}?culture=en-GB");
        english.ShouldContain("<span class=\"checkin-kicker\">Check in</span>");
        english.ShouldContain("I consent");
        english.ShouldContain("<option value=\"kommun\">Municipality</option>");
    }

    [Fact]
    public async Task With_consent_the_receipt_shows_a_withdrawal_code_and_the_device_gets_a_long_lived_http_only_cookie()
    {
        var slug = await _events.OpenAsync();
        var client = factory.AnonymousClient();

        var response = await CheckInAsync(client, slug, Consenting);

        var receipt = await response.Content.ReadAsStringAsync();
        receipt.ShouldContain("Tack, du är incheckad!");
        CodeOf(receipt).ShouldNotBeNull().ShouldMatch("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("otg-enhet=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("path=/checka-in", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        DateTime.Parse(cookie.Split("expires=", StringSplitOptions.None)[1].Split(';')[0], System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(SampleClock.UtcNow.AddYears(1));

        var row = await QueryAsync(factory, db => db.Participations.SingleAsync(p => db.Events.Any(e => e.Id == p.EventId && e.Slug == slug)));
        (row.HasProfile, row.SectorCode, row.ProfessionCode, row.Channel, row.Attendance).ShouldBe((true, "kommun", "design-ux", "check-in", Attendance.Attended));
    }

    [Fact]
    public async Task A_second_submission_from_the_same_device_replaces_the_first()
    {
        var slug = await _events.OpenAsync();
        var client = factory.AnonymousClient();
        await CheckInAsync(client, slug, Consenting);

        var second = await (await CheckInAsync(client, slug, new Dictionary<string, string>(Consenting) { ["Form.Sector"] = "akademi" })).Content.ReadAsStringAsync();

        second.ShouldContain("Din tidigare incheckning från den här enheten ersattes av den här.");
        (await ParticipationsAsync(factory, slug)).ShouldBe(1);
        (await QueryAsync(factory, db => db.Participations.Where(p => db.Events.Any(e => e.Id == p.EventId && e.Slug == slug)).Select(p => p.SectorCode).SingleAsync()))
            .ShouldBe("akademi");

        await CheckInAsync(factory.AnonymousClient(), slug, Consenting);
        (await ParticipationsAsync(factory, slug)).ShouldBe(2, "another phone is another person");
    }

    [Fact]
    public async Task Without_consent_the_visit_counts_and_no_answer_or_code_is_kept()
    {
        var slug = await _events.OpenAsync();

        var receipt = await (await CheckInAsync(factory.AnonymousClient(), slug, new Dictionary<string, string>(Consenting) { ["Form.Consent"] = "false" }))
            .Content.ReadAsStringAsync();

        receipt.ShouldContain("Du räknas i antalet deltagare. Inga svar om dig sparades.");
        CodeOf(receipt).ShouldBeNull();
        var row = await QueryAsync(factory, db => db.Participations.SingleAsync(p => db.Events.Any(e => e.Id == p.EventId && e.Slug == slug)));
        (row.HasProfile, row.SectorCode, row.AttendeeKey).ShouldBe((false, (string?)null, (string?)null));
    }

    [Fact]
    public async Task An_identifier_that_is_neither_an_address_nor_a_profile_is_refused_and_what_was_typed_stays_to_mend()
    {
        var slug = await _events.OpenAsync();

        var page = await (await CheckInAsync(factory.AnonymousClient(), slug, new Dictionary<string, string>(Consenting) { ["Form.Identifier"] = "inte en adress" }))
            .Content.ReadAsStringAsync();

        page.ShouldContain("id=\"problem\"");
        page.ShouldContain("value=\"inte en adress\"", customMessage: "the field to mend keeps what was typed");
        page.ShouldContain("value=\"kommun\" selected=\"selected\"");
        (await ParticipationsAsync(factory, slug)).ShouldBe(0);
    }

    [Fact]
    public async Task A_filled_in_honeypot_gets_a_receipt_and_nothing_is_stored()
    {
        var slug = await _events.OpenAsync();

        var receipt = await (await CheckInAsync(factory.AnonymousClient(), slug, new Dictionary<string, string>(Consenting) { ["Form.Website"] = "http://spam.example" }))
            .Content.ReadAsStringAsync();

        receipt.ShouldContain("Tack, du är incheckad!");
        (await ParticipationsAsync(factory, slug)).ShouldBe(0);
    }

    [Fact]
    public async Task Outside_the_window_the_form_is_closed_and_a_post_stores_nothing()
    {
        // The sample's first meeting was in March: long closed.
        const string slug = "2026-03-23-forsta-motet";
        var client = factory.AnonymousClient();
        var before = await ParticipationsAsync(factory, slug);

        var html = await client.GetStringAsync($"/checka-in/{slug}");

        html.ShouldContain("<p class=\"notice\" role=\"status\" id=\"closed\">Incheckningen är stängd. Den är öppen från 23 mars 15:00 till 23 mars");
        html.ShouldNotContain("<form");
        var token = AnalyticsWebFactory.AntiforgeryToken(await client.GetStringAsync($"/checka-in/{await _events.OpenAsync()}"));
        var posted = await client.PostAsync($"/checka-in/{slug}", new FormUrlEncodedContent(new Dictionary<string, string>(Consenting)
        {
            ["__RequestVerificationToken"] = token, ["Form.ConsentVersion"] = "1",
        }));
        (await posted.Content.ReadAsStringAsync()).ShouldContain("Incheckningen är stängd.");
        (await ParticipationsAsync(factory, slug)).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_event_is_not_found()
    {
        var response = await factory.AnonymousClient().GetAsync("/checka-in/finns-inte");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_event_page_shows_organisers_the_check_in_address_its_qr_code_and_the_full_screen_view()
    {
        var html = await factory.AdminClient().GetStringAsync($"/evenemang/{AnalyticsWebFactory.EventOfA}");

        html.ShouldContain("<h2 id=\"checkin-panel-title\">Incheckning</h2>");
        html.ShouldContain($"<a href=\"/checka-in/{AnalyticsWebFactory.EventOfA}\">http://localhost/checka-in/{AnalyticsWebFactory.EventOfA}</a>");
        html.ShouldContain($"<a href=\"/checka-in/{AnalyticsWebFactory.EventOfA}/skarm\">Visa QR-koden i helskärm</a>");
        html.ShouldContain("<svg", customMessage: "the QR code is inline SVG");

        var screen = await factory.Client(TestAccount.OrganiserB).GetStringAsync($"/checka-in/{AnalyticsWebFactory.EventOfA}/skarm");
        screen.ShouldContain("<svg");
        screen.ShouldContain("viewBox=");
        screen.ShouldContain($"<p class=\"screen-url\">http://localhost/checka-in/{AnalyticsWebFactory.EventOfA}</p>");
        screen.ShouldNotContain(" style=", customMessage: "the content security policy allows no inline style");
    }
}
