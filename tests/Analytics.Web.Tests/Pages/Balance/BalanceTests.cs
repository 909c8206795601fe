using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Reporting.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages.Balance;

[Collection(WebCollection.Name)]
public sealed class BalanceTests(AnalyticsWebFactory factory)
{
    // Planned in December 2026 (data-samples/README.md): 49 said yes so far, none of them yet a citizen or resident.
    private const string YearEndMeeting = "2026-12-09-natverksmote-arets-lardomar";
    private static readonly Quarter Autumn = new(2026, 4);

    private async Task<ProtectedReport> ReportAsync(ReportScope scope)
    {
        using var services = factory.Services.CreateScope();
        var published = await services.ServiceProvider.GetRequiredService<ReportReader>().ReadAsync(scope);
        return published.ShouldNotBeNull().Report;
    }

    private static string Percent(double share) => share.ToString("P0", CultureInfo.GetCultureInfo("sv-SE"));

    [Fact]
    public async Task Compares_the_latest_held_quarter_with_the_example_targets_category_by_category()
    {
        var report = await ReportAsync(ReportScope.ForQuarter(Autumn));
        var sector = report.BalanceOf("sector").ShouldNotBeNull();

        var html = await factory.AdminClient().GetStringAsync("/balans");

        html.ShouldContain($"Balans <span class=\"subtitle\">{Autumn.Label()}</span>");
        html.ShouldContain("exempelmål");
        var kommun = sector.Cells.Single(c => c.Code == "kommun");
        Regex.IsMatch(html, $@"<th scope=""row"">Kommun</th>\s*<td class=""num"">{kommun.Count}</td>\s*<td class=""num"">{Percent(kommun.Share!.Value)}</td>\s*" +
            $@"<td class=""num"">{Percent(kommun.Low!.Value)}–{Percent(kommun.High!.Value)}</td>\s*<td class=""num"">{Percent(0.30)}</td>").ShouldBeTrue();
        html.ShouldContain("&lt;5");
        html.ShouldContain("<svg");
    }

    [Fact]
    public async Task Names_who_is_missing_furthest_under_the_targets_first()
    {
        var report = await ReportAsync(ReportScope.ForQuarter(Autumn));
        var furthest = report.Balance.Values.SelectMany(b => b.Cells).Where(c => c.Gap < 0).MinBy(c => c.Gap).ShouldNotBeNull();

        var html = await factory.AdminClient().GetStringAsync("/balans");

        var missing = Regex.Match(html, @"<ol class=""missing"">\s*<li>\s*<strong>([^<]+)</strong>");
        missing.Success.ShouldBeTrue();
        missing.Groups[1].Value.ShouldBe(furthest.Label);
        html.ShouldContain($"{Percent(furthest.Share!.Value)} mot målet {Percent(furthest.Target)}");
    }

    [Fact]
    public async Task Shows_the_registrations_so_far_of_each_planned_event()
    {
        var html = await factory.AdminClient().GetStringAsync("/balans");

        html.ShouldContain("Workshop: tjänstedesign för nybörjare");
        html.ShouldContain("23 anmälda, 22 med profil");
        html.ShouldContain("Nätverksmöte: årets lärdomar och nästa år");
        html.ShouldContain("49 anmälda");
        html.ShouldContain("Digital julfika: ett år av One Team Gov Västsverige");
        html.ShouldContain("Sektor bland de anmälda till Digital julfika");
    }

    [Fact]
    public async Task Shows_how_a_planned_panel_changes_the_balance_of_the_registrations()
    {
        var registered = (await ReportAsync(ReportScope.ForEvent(YearEndMeeting))).Subset(Subset.Registered).ShouldNotBeNull();
        var total = registered.Dimensions["sector"].Total.ShouldNotBeNull();
        registered.Dimensions["sector"].Cells.ShouldNotContain(c => c.Code == "medborgare");
        var client = factory.AdminClient();

        var without = await client.GetStringAsync($"/balans?evenemang={YearEndMeeting}");
        var with = await client.GetStringAsync($"/balans?evenemang={YearEndMeeting}&sektor=medborgare&yrke=student&sektor=medborgare&yrke=");

        Citizens(without).ShouldBe(("0", "0 %", "", "0 %"));
        Citizens(with).ShouldBe(("0", "0 %", "+2", Percent(2.0 / (total + 2))));
        with.ShouldContain("de anmälda hittills och 2 talare");
        with.ShouldContain("<option value=\"medborgare\" selected=\"selected\">Medborgare och invånare</option>");
    }

    [Fact]
    public async Task Keeps_a_suppressed_category_suppressed_with_the_panel_added()
    {
        var registered = (await ReportAsync(ReportScope.ForEvent(YearEndMeeting))).Subset(Subset.Registered).ShouldNotBeNull();
        var hidden = registered.Dimensions["sector"].Cells.First(c => c.Suppressed);

        var html = await factory.AdminClient().GetStringAsync($"/balans?evenemang={YearEndMeeting}&sektor={hidden.Code}");

        var panel = html[html.IndexOf("id=\"panel-result-title\"", StringComparison.Ordinal)..];
        var row = Regex.Match(panel, $@"<th scope=""row"">{Regex.Escape(hidden.Label)}</th>\s*<td class=""num"">[^<]+</td>\s*<td class=""num"">\s*<abbr class=""suppressed""[^>]*>&lt;5</abbr>\s*</td>\s*" +
            @"<td class=""num"">–</td>\s*<td class=""num"">&#x2B;1</td>\s*<td class=""num"">–</td>");
        row.Success.ShouldBeTrue();
        panel.ShouldContain("visas som &lt;5 också med panelen");
    }

    [Fact]
    public async Task Reads_all_time_when_asked()
    {
        var html = await factory.AdminClient().GetStringAsync("/balans?kvartal=alla");

        html.ShouldContain("Balans <span class=\"subtitle\">Hela tiden</span>");
        html.ShouldContain("<option value=\"alla\" selected=\"selected\">Hela tiden</option>");
    }

    [Fact]
    public async Task Speaks_english_when_asked()
    {
        var html = await factory.AdminClient().GetStringAsync("/balans?culture=en-GB");

        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Who is missing?");
        html.ShouldContain("Try a speaker panel");
        html.ShouldContain("Municipality");
    }

    [Fact]
    public async Task Downloads_a_balance_chart_as_png()
    {
        var response = await factory.AdminClient().GetAsync("/balans?handler=png&diagram=balans-sector");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
    }

    /// <summary>The citizens' row of the panel check: registered, share now, the panel, and the share with the panel.</summary>
    private static (string, string, string, string) Citizens(string html)
    {
        var panel = html[html.IndexOf("id=\"panel-result-title\"", StringComparison.Ordinal)..];
        var row = Regex.Match(panel, @"<th scope=""row"">Medborgare och invånare</th>\s*<td class=""num"">[^<]+</td>\s*<td class=""num"">\s*([^<]*?)\s*</td>\s*" +
            @"<td class=""num"">([^<]*)</td>\s*<td class=""num"">([^<]*)</td>\s*<td class=""num"">([^<]*)</td>");
        row.Success.ShouldBeTrue();
        // The page's encoder writes "+" as &#x2B;, which a browser shows as "+".
        return (row.Groups[1].Value, row.Groups[2].Value, WebUtility.HtmlDecode(row.Groups[3].Value), row.Groups[4].Value);
    }
}
