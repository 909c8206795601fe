using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Core.Events;
using Analytics.Core.Participations;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages.Reach;

[Collection(WebCollection.Name)]
public sealed class ReachTests(AnalyticsWebFactory factory)
{
    private static readonly Quarter FirstMeeting = new(2026, 1);
    private static readonly Quarter Autumn = new(2026, 4);

    [Fact]
    public async Task Counts_the_distinct_organisations_of_each_quarter_among_those_counted()
    {
        var organisations = (await PersonsByOrganisationAsync(FirstMeeting)).Count;

        var html = await factory.AdminClient().GetStringAsync("/rackvidd");

        organisations.ShouldBeGreaterThan(0);
        Regex.IsMatch(html, $@"<a href=""\?kvartal=2026Q1"">{FirstMeeting.Label()}</a></th>\s*<td class=""num"">{organisations}</td>").ShouldBeTrue();
        html.ShouldContain("Räckvidd <span class=\"subtitle\">Kvartal 4 2026</span>");
        html.ShouldContain("Organisationer och nya organisationer per kvartal");
        html.ShouldContain("Sektorer och kommuner per kvartal");
    }

    [Fact]
    public async Task Draws_the_tie_network_with_a_table_of_its_ties_and_the_e_i_index()
    {
        var graph = (await TieGraphAsync(ReportScope.ForQuarter(Autumn))).ShouldNotBeNull();

        var html = await factory.AdminClient().GetStringAsync("/rackvidd?kvartal=2026Q4");

        html.ShouldContain("<title id=\"natverk-chart-title\">Nätverket mellan organisationerna</title>");
        // The sample's autumn has more ties than the table lists: the strongest are listed, and the rest counted.
        graph.Ties.Count.ShouldBeGreaterThan(Analytics.Web.Pages.Reach.IndexModel.TiesListed);
        var listed = Analytics.Web.Pages.Reach.IndexModel.TiesListed;
        html.ShouldContain($"De {listed} starkaste av {graph.Ties.Count} band mellan organisationerna");
        html.ShouldContain($"och {graph.Ties.Count - listed} svagare band");
        var table = Regex.Match(html, "<table>.*?</table>", RegexOptions.Singleline).Value;
        Regex.Matches(table, "<tr>").Count.ShouldBe(listed + 1);
        var weakestListed = graph.Ties[listed - 1];
        table.ShouldContain($"<td class=\"num\">{weakestListed.Weight.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))}</td>");
        // The picture draws fewer still, and says so in its description.
        html.ShouldContain($"Bilden visar de {Analytics.Web.Pages.Reach.IndexModel.TiesDrawn} starkaste av {graph.Ties.Count} band.");
        var strongest = graph.Ties[0];
        html.ShouldContain($"<td class=\"num\">{strongest.Weight.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))}</td>");
        // A positive index is written +0,65, its "+" encoded as &#x2B;.
        Regex.IsMatch(html, @"<dt>E-I-index</dt><dd>(&#x2B;|−)0,\d\d</dd>").ShouldBeTrue();
        html.ShouldContain("Samarrangerade evenemang");
    }

    [Theory]
    [InlineData("2026Q4")]
    [InlineData("2026Q2")]
    [InlineData("alla")]
    public async Task Never_names_an_organisation_with_fewer_than_five_people_in_the_period(string period)
    {
        var persons = await PersonsByOrganisationAsync(Quarter.TryParse(period, out var quarter) ? quarter : null);
        var named = persons.Where(p => p.Value >= 5).Select(p => p.Key).ToList();
        var small = persons.Where(p => p.Value < 5).Select(p => p.Key)
            // A small organisation whose name is part of a named one's cannot be told apart in the text.
            .Where(name => !named.Any(n => n.Contains(name, StringComparison.Ordinal))).ToList();

        var html = await factory.AdminClient().GetStringAsync($"/rackvidd?kvartal={period}");

        small.ShouldNotBeEmpty();
        named.ShouldContain(name => html.Contains(WebUtility.HtmlEncode(name), StringComparison.Ordinal));
        foreach (var name in small)
        {
            html.ShouldNotContain(name);
            html.ShouldNotContain(WebUtility.HtmlEncode(name));
        }
        html.ShouldContain("Övriga organisationer inom");
    }

    [Fact]
    public async Task Says_so_when_a_snapshot_was_stored_before_the_network_existed()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var snapshot = await db.ReportSnapshots.SingleAsync(s => s.ScopeKind == ReportScope.QuarterKind && s.ScopeKey == FirstMeeting.ToString());
        var (stored, storedGraph, storedFormat) = (snapshot.Payload, snapshot.TieGraph, snapshot.PayloadFormat);
        // As a row from before the network existed holds it: in neither the payload nor a column of its own. A new
        // revision, as any write gives, so no cached picture of the row is served.
        var payload = JsonNode.Parse(stored)!.AsObject();
        payload["reach"]!.AsObject().Remove("tieGraph");
        (snapshot.Payload, snapshot.TieGraph, snapshot.PayloadFormat, snapshot.Revision) = (payload.ToJsonString(), null, 0, Guid.NewGuid());
        await db.SaveChangesAsync();
        try
        {
            var html = await factory.AdminClient().GetStringAsync($"/rackvidd?kvartal={FirstMeeting}");

            html.ShouldContain("Nätverksbilden finns inte i den sparade rapporten ännu");
            html.ShouldNotContain("natverk-chart");
            Regex.IsMatch(html, @"<dt>Organisationer</dt><dd>\d+</dd>").ShouldBeTrue();
        }
        finally
        {
            (snapshot.Payload, snapshot.TieGraph, snapshot.PayloadFormat, snapshot.Revision) = (stored, storedGraph, storedFormat, Guid.NewGuid());
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Reads_the_network_of_a_snapshot_stored_with_it_inside_the_payload()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var snapshot = await db.ReportSnapshots.SingleAsync(s => s.ScopeKind == ReportScope.QuarterKind && s.ScopeKey == Autumn.ToString());
        var (stored, storedGraph, storedFormat) = (snapshot.Payload, snapshot.TieGraph, snapshot.PayloadFormat);
        var expected = await factory.AdminClient().GetStringAsync($"/rackvidd?kvartal={Autumn}");
        // Format 0: the network inside the payload, as every snapshot held it before it moved to a column of its own.
        var payload = JsonNode.Parse(stored)!.AsObject();
        payload["reach"]!.AsObject()["tieGraph"] = JsonNode.Parse(storedGraph.ShouldNotBeNull());
        (snapshot.Payload, snapshot.TieGraph, snapshot.PayloadFormat, snapshot.Revision) = (payload.ToJsonString(), null, 0, Guid.NewGuid());
        await db.SaveChangesAsync();
        try
        {
            var html = await factory.AdminClient().GetStringAsync($"/rackvidd?kvartal={Autumn}");

            html.ShouldContain("natverk-chart");
            Table(html).ShouldBe(Table(expected));
        }
        finally
        {
            (snapshot.Payload, snapshot.TieGraph, snapshot.PayloadFormat, snapshot.Revision) = (stored, storedGraph, storedFormat, Guid.NewGuid());
            await db.SaveChangesAsync();
        }

        static string Table(string html) => Regex.Match(html, "<table>.*?</table>", RegexOptions.Singleline).Value;
    }

    [Fact]
    public async Task Speaks_english_when_asked()
    {
        var html = await factory.AdminClient().GetStringAsync("/rackvidd?culture=en-GB");

        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("The network between the organisations");
        html.ShouldContain("Other organisations in");
    }

    [Fact]
    public async Task Downloads_the_network_as_png()
    {
        var response = await factory.AdminClient().GetAsync("/rackvidd?kvartal=2026Q4&handler=png&diagram=natverk");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
    }

    private async Task<Analytics.Core.Disclosure.ProtectedTieGraph?> TieGraphAsync(ReportScope scope)
    {
        using var services = factory.Services.CreateScope();
        return await services.ServiceProvider.GetRequiredService<ReportReader>().ReadTieGraphAsync(scope);
    }

    /// <summary>
    /// Distinct people per organisation among the counted with a profile in the period (all time when null), straight
    /// from the participations: attendees where the event has an attendance list, yes registrations otherwise.
    /// </summary>
    private async Task<Dictionary<string, int>> PersonsByOrganisationAsync(Quarter? quarter)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var events = quarter is { } q ? db.Events.Where(e => e.StartsAtUtc >= q.StartUtc && e.StartsAtUtc < q.EndUtc) : db.Events;
        var rows = await (from p in db.Participations
                          join e in events on p.EventId equals e.Id
                          where p.HasProfile && p.OrganisationId != null
                          select new { p.EventId, p.AttendeeKey, p.Attendance, p.Rsvp, OrganisationId = p.OrganisationId!.Value }).ToListAsync();
        var withAttendance = (await db.Participations.Where(p => p.Attendance != Attendance.Unknown).Select(p => p.EventId).Distinct().ToListAsync()).ToHashSet();
        var names = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name);
        return rows.Where(r => withAttendance.Contains(r.EventId) ? r.Attendance == Attendance.Attended : r.Rsvp == Rsvp.Yes)
            .GroupBy(r => r.OrganisationId)
            .ToDictionary(g => names[g.Key], g => g.Where(r => r.AttendeeKey is not null).Select(r => r.AttendeeKey).Distinct().Count()
                                                  + g.Count(r => r.AttendeeKey is null));
    }
}
