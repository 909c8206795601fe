using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Audit;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Core.Targets;
using Analytics.Core.Taxonomies;
using Analytics.Jobs;
using Analytics.Reporting.Snapshots;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.CheckIn.CheckInPages;

namespace Analytics.Web.Tests.Pages.Admin;

[Collection(WebCollection.Name)]
public sealed class TargetsPageTests(AnalyticsWebFactory factory) : IAsyncLifetime
{
    private const string Address = "/admin/mal";
    private static readonly Quarter Autumn = new(2026, 4);

    private List<TargetMix> _seeded = [];

    async Task IAsyncLifetime.InitializeAsync() =>
        _seeded = await QueryAsync(factory, db => db.TargetMixes.AsNoTracking().ToListAsync());

    /// <summary>
    /// Other tests compare the balance with the sample's example targets: put them back as they were, and recompute
    /// every report once the recompute this test enqueued has run, so no snapshot keeps this test's targets.
    /// </summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await JobsDoneAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Analytics.Data.AnalyticsDbContext>();
        var now = await db.TargetMixes.ToListAsync();
        if (now.Count == _seeded.Count && now.All(t => _seeded.Any(s => (s.Dimension, s.Code, s.Share, s.IsExample) == (t.Dimension, t.Code, t.Share, t.IsExample))))
            return;
        db.TargetMixes.RemoveRange(now);
        await db.SaveChangesAsync();
        db.TargetMixes.AddRange(_seeded.Select(s => new TargetMix { Dimension = s.Dimension, Code = s.Code, Share = s.Share, IsExample = s.IsExample }));
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ReportRecomputer>().RecomputeAsync(all: true);
    }

    /// <summary>The sample's sector targets in percent, with kommun moved 5 points to region: still 100 % in all.</summary>
    private Dictionary<string, string> SectorsMoved()
    {
        var shares = _seeded.Where(t => t.Dimension == "sector").ToDictionary(t => t.Code, t => t.Share * 100);
        shares["kommun"] -= 5;
        shares["region"] += 5;
        return shares.ToDictionary(s => s.Key, s => s.Value.ToString("0.##", CultureInfo.GetCultureInfo("sv-SE")));
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string dimension, IDictionary<string, string> percents, bool withToken = true)
    {
        var form = await client.GetStringAsync(Address);
        var fields = percents.ToDictionary(p => $"Shares[{p.Key}]", p => p.Value);
        fields["Dimension"] = dimension;
        if (withToken) fields["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form);
        return await client.PostAsync(Address, new FormUrlEncodedContent(fields));
    }

    private Task<List<TargetMix>> SectorTargetsAsync() =>
        QueryAsync(factory, db => db.TargetMixes.AsNoTracking().Where(t => t.Dimension == "sector").ToListAsync());

    private async Task JobsDoneAsync()
    {
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && monitoring.EnqueuedCount(JobQueues.Reports) + monitoring.ProcessingCount() > 0)
            await Task.Delay(100);
    }

    [Fact]
    public async Task Shows_every_sector_with_its_target_and_says_the_sample_targets_are_examples()
    {
        var html = WebUtility.HtmlDecode(await factory.AdminClient().GetStringAsync(Address));

        html.ShouldContain("<h1>Mål för balansen</h1>");
        foreach (var sector in Taxonomy.Sectors)
            html.ShouldContain($"<label for=\"share-sector-{sector.Code}\">{sector.NameSv}</label>");
        Regex.IsMatch(html, @"id=""share-sector-kommun"" name=""Shares\[kommun\]""[^>]*value=""30""").ShouldBeTrue();
        html.ShouldContain("<span class=\"tag\">exempel</span>");
        html.ShouldContain("id=\"share-profession-ledning\"", customMessage: "the sample has profession targets too");
        (await factory.AdminClient().GetStringAsync(Address + "?culture=en-GB")).ShouldContain("<label for=\"share-sector-kommun\">Municipality</label>");
    }

    [Fact]
    public async Task A_valid_save_stores_the_shares_as_decided_targets_audits_it_and_the_balance_follows_after_the_recompute()
    {
        var client = factory.AdminClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var lastAudit = await QueryAsync(factory, db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;

        var saved = await SaveAsync(client, "sector", SectorsMoved());

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetStringAsync(saved.Headers.Location!.ToString());
        page.ShouldContain("Målen för sektor är sparade.");
        var sectors = await SectorTargetsAsync();
        sectors.Single(t => t.Code == "kommun").Share.ShouldBe(0.25, 1e-9);
        sectors.Single(t => t.Code == "region").Share.ShouldBe(0.20, 1e-9);
        sectors.ShouldAllBe(t => !t.IsExample);
        (await QueryAsync(factory, db => db.TargetMixes.Where(t => t.Dimension == "profession").AllAsync(t => t.IsExample)))
            .ShouldBeTrue("only the saved dimension stops being an example");
        var audit = await QueryAsync(factory, db => db.AuditEntries.Where(e => e.Id > lastAudit && e.Action == AuditActions.TargetsChanged).ToListAsync());
        audit.ShouldHaveSingleItem().Subject.ShouldBe("sector");

        await JobsDoneAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var report = (await scope.ServiceProvider.GetRequiredService<ReportReader>().ReadAsync(ReportScope.ForQuarter(Autumn))).ShouldNotBeNull().Report;
            var sector = report.BalanceOf("sector").ShouldNotBeNull();
            sector.IsExample.ShouldBeFalse();
            sector.Cells.Single(c => c.Code == "kommun").Target.ShouldBe(0.25, 1e-9);
        }
        var balance = await client.GetStringAsync("/balans");
        Regex.IsMatch(balance, @"<th scope=""row"">Kommun</th>\s*<td class=""num"">[^<]*</td>\s*<td class=""num"">[^<]*</td>\s*<td class=""num"">[^<]*</td>\s*<td class=""num"">25 %</td>")
            .ShouldBeTrue("the balance table shows the new target for Kommun");
    }

    [Theory]
    [InlineData("kommun", "40", "Andelarna för sektor blir tillsammans 115 %. De ska bli 100 % (±0,5).")]
    [InlineData("kommun", "-5", "Andelen för Kommun ska vara mellan 0 och 100 %.")]
    [InlineData("kommun", "trettio", "Andelen för Kommun är inte ett tal.")]
    public async Task Refuses_shares_that_do_not_add_up_or_are_not_percentages_and_keeps_what_was_typed(string code, string typed, string message)
    {
        var before = await SectorTargetsAsync();
        var percents = SectorsMoved();
        percents[code] = typed;

        var refused = await SaveAsync(factory.AdminClient(), "sector", percents);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        page.ShouldContain("Målen för sektor sparades inte");
        page.ShouldContain(message);
        Regex.IsMatch(page, $@"id=""share-sector-{code}"" name=""Shares\[{code}\]""[^>]*value=""{Regex.Escape(typed)}""").ShouldBeTrue("the typed value stays in the form");
        (await SectorTargetsAsync()).Select(t => (t.Code, t.Share, t.IsExample)).ShouldBe(before.Select(t => (t.Code, t.Share, t.IsExample)), ignoreOrder: true);
    }

    [Theory]
    [InlineData(TestAccount.OrganiserA)]
    [InlineData(TestAccount.Steering)]
    public async Task Only_an_admin_may_open_or_save_the_targets(TestAccount account)
    {
        var before = await SectorTargetsAsync();
        var client = factory.Client(account, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await client.GetAsync(Address)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A token of a page the account may open (the password page), so the refusal is the role's, not the token's.
        var form = await client.GetStringAsync("/konto/losenord");
        var posted = await client.PostAsync(Address, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Dimension"] = "sector", ["Shares[kommun]"] = "100", ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form),
        }));

        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SectorTargetsAsync()).Select(t => (t.Code, t.Share)).ShouldBe(before.Select(t => (t.Code, t.Share)), ignoreOrder: true);
    }

    [Fact]
    public async Task Sends_an_anonymous_visitor_to_the_login()
    {
        var response = await factory.AnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(Address);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/konto/logga-in");
    }

    [Fact]
    public async Task Refuses_a_save_without_the_anti_forgery_token()
    {
        var before = await SectorTargetsAsync();

        var refused = await SaveAsync(factory.AdminClient(), "sector", SectorsMoved(), withToken: false);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SectorTargetsAsync()).Select(t => (t.Code, t.Share)).ShouldBe(before.Select(t => (t.Code, t.Share)), ignoreOrder: true);
    }
}
