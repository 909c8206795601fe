using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Participations;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages.Events;

[Collection(WebCollection.Name)]
public sealed class ReportTests(AnalyticsWebFactory factory)
{
    private const string FirstMeeting = "2026-03-23-forsta-motet";

    [Fact]
    public async Task Shows_registered_attended_and_shared_profiles_of_the_first_meeting()
    {
        // The sample's first meeting: 64 said yes, 48 came, 41 of those consented (data-samples/README.md).
        var html = await factory.CreateClient().GetStringAsync($"/evenemang/{FirstMeeting}");

        html.ShouldContain("<h1>Första mötet: One Team Gov Västsverige</h1>");
        html.ShouldContain("<dt>Anmälda</dt><dd>64</dd>");
        html.ShouldContain("<dt>Deltog</dt><dd>48</dd>");
        html.ShouldContain("<dt>Med delad profil</dt><dd>41</dd>");
    }

    [Fact]
    public async Task Shows_each_shown_sector_count_as_stored_and_a_chart_beside_the_table()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var kommun = await db.Participations.CountAsync(p =>
            db.Events.Any(e => e.Id == p.EventId && e.Slug == FirstMeeting) && p.Attendance == Attendance.Attended && p.HasProfile && p.SectorCode == "kommun");

        var html = await factory.CreateClient().GetStringAsync($"/evenemang/{FirstMeeting}");

        kommun.ShouldBeGreaterThanOrEqualTo(5);
        Regex.IsMatch(html, $@"<th scope=""row"">Kommun</th>\s*<td class=""num"">{kommun}</td>").ShouldBeTrue();
        html.ShouldContain("<svg");
        html.ShouldContain("DejaVu Sans");
        Regex.Matches(html, @"<td class=""num"">([1-4])</td>").ShouldBeEmpty();
    }

    [Fact]
    public async Task Says_that_a_list_without_attendance_counts_registrations()
    {
        var html = await factory.CreateClient().GetStringAsync("/evenemang/2026-04-08-tjanstedesign-i-praktiken");

        html.ShouldContain("<dt>Deltog</dt><dd>–</dd>");
        html.ShouldContain("Listan saknar närvaro, så fördelningarna bygger på anmälningar.");
    }

    [Fact]
    public async Task Answers_an_unknown_event_with_a_swedish_not_found_page()
    {
        var response = await factory.CreateClient().GetAsync("/evenemang/finns-inte");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Sidan finns inte");
    }
}
