using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Analytics.Web.Tests.Pages.CheckIn;
using static Analytics.Web.Tests.Pages.CheckIn.CheckInPages;

namespace Analytics.Web.Tests.Pages.Withdrawal;

[Collection(WebCollection.Name)]
public sealed partial class WithdrawalPageTests(AnalyticsWebFactory factory) : IAsyncLifetime
{
    private readonly TestEvents _events = new(factory);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => _events.RemoveAsync();

    private async Task<string> WithdrawAsync(string typed)
    {
        var client = factory.AnonymousClient();
        var form = await client.GetStringAsync("/aterkalla");
        var response = await client.PostAsync("/aterkalla", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Identifier"] = typed, ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The page's own anti-forgery token differs per request; everything else must be the same.
        return Token().Replace(await response.Content.ReadAsStringAsync(), "");
    }

    [Fact]
    public async Task The_code_removes_the_profile_and_the_answer_is_the_same_as_for_an_unknown_code_email_or_meetup_id()
    {
        var slug = await _events.OpenAsync();
        var code = CodeOf(await (await CheckInAsync(factory.AnonymousClient(), slug, Consenting)).Content.ReadAsStringAsync())!;
        var audited = await QueryAsync(factory, db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ConsentWithdrawn));

        var known = await WithdrawAsync(code);

        known.ShouldContain("Tack, vi har tagit emot det.");
        var row = await QueryAsync(factory, db => db.Participations.SingleAsync(p => db.Events.Any(e => e.Id == p.EventId && e.Slug == slug)));
        (row.HasProfile, row.SectorCode, row.ProfessionCode, row.MunicipalityCode).ShouldBe((false, (string?)null, (string?)null, (string?)null));
        (await QueryAsync(factory, db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ConsentWithdrawn))).ShouldBe(audited + 1);
        var entries = await QueryAsync(factory, db => db.AuditEntries.Where(a => a.Action == AuditActions.ConsentWithdrawn).ToListAsync());
        entries.ShouldAllBe(a => a.Subject == null && !a.Detail!.Contains(code));

        foreach (var unknown in new[] { "ZZZZ-ZZZZ-ZZZZ-ZZZZ", code, "ingen@example.se", "https://www.meetup.com/members/123456789/" })
            (await WithdrawAsync(unknown)).ShouldBe(known, unknown);
    }

    [Fact]
    public async Task An_empty_form_asks_for_the_code()
    {
        (await WithdrawAsync(" ")).ShouldContain("Skriv koden, e-postadressen eller Meetup-profilen.");
    }

    [Fact]
    public async Task Is_public_and_in_english_too()
    {
        var html = await factory.AnonymousClient().GetStringAsync("/aterkalla?culture=en-GB");
        html.ShouldContain("<h1>Withdraw consent</h1>");
        html.ShouldContain("<label for=\"identifier\">Code, e-mail or Meetup profile</label>");
    }

    [GeneratedRegex(@"<input name=""__RequestVerificationToken"" type=""hidden"" value=""[^""]+"" />")]
    private static partial Regex Token();
}
