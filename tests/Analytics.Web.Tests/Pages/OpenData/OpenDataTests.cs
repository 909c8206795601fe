using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Data;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages.OpenData;

[Collection(WebCollection.Name)]
public sealed class OpenDataTests(AnalyticsWebFactory factory)
{
    [Fact]
    public async Task Publishes_every_completed_quarter_and_no_quarter_still_running_with_the_licence_and_the_method()
    {
        var (completed, running) = await QuartersAsync();

        var html = await factory.AnonymousClient().GetStringAsync("/oppna-data");

        html.ShouldContain("<h1>Öppna data</h1>");
        html.ShouldContain("CC0 1.0");
        html.ShouldContain("cellnyckelmetoden");
        foreach (var quarter in completed) html.ShouldContain($"?kvartal={quarter}\">{quarter.Label()}</a>");
        foreach (var quarter in running) html.ShouldNotContain($"?kvartal={quarter}\"");
    }

    [Fact]
    public async Task Shows_each_quarter_as_the_cell_key_method_publishes_it()
    {
        using var scope = factory.Services.CreateScope();
        var published = await scope.ServiceProvider.GetRequiredService<ReportReader>().ReadPublicQuartersAsync(SampleClock.UtcNow);
        var first = published.First();

        var html = await factory.AnonymousClient().GetStringAsync($"/oppna-data?kvartal={first.Quarter}");

        var row = Regex.Match(html, $@"\?kvartal={first.Quarter}"">[^<]+</a></th>\s*<td class=""num"">(\d+)</td>\s*<td class=""num"">([^<]+)</td>");
        row.Success.ShouldBeTrue();
        row.Groups[2].Value.ShouldBe(first.Report.Show(first.Report.Participants.Registered).Replace("<", "&lt;"));
        html.ShouldContain($"Vilka kom, {first.Quarter.Label()}");
    }

    [Fact]
    public async Task Says_so_when_the_quarter_asked_for_is_not_published()
    {
        var html = await factory.AnonymousClient().GetStringAsync("/oppna-data?kvartal=2031Q1");

        html.ShouldContain("Det kvartalet finns inte bland de publicerade.");
    }

    [Fact]
    public async Task Downloads_as_json_with_the_licence_the_method_and_no_count_below_the_threshold()
    {
        var (completed, _) = await QuartersAsync();

        var response = await factory.AnonymousClient().GetAsync("/oppna-data/oppna-data.json");

        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("oppna-data.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("licence").GetString().ShouldBe("CC0-1.0");
        json.RootElement.GetProperty("method").GetString()!.ShouldContain("cellnyckelmetoden");
        json.RootElement.GetProperty("quarters").EnumerateArray().Select(q => q.GetProperty("quarter").GetString())
            .ShouldBe(completed.Select(q => q.ToString()));
        Counts(json.RootElement).Where(c => c is > 0 and < 5).ShouldBeEmpty();
    }

    [Fact]
    public async Task Downloads_as_csv_and_excel_with_the_licence_the_method_and_each_completed_quarter()
    {
        var (completed, running) = await QuartersAsync();
        var client = factory.AnonymousClient();

        var csv = await client.GetStringAsync("/oppna-data/oppna-data.csv");
        var xlsx = await client.GetAsync("/oppna-data/oppna-data.xlsx");

        csv.ShouldContain("CC0 1.0");
        csv.ShouldContain("cellnyckelmetoden");
        foreach (var quarter in completed) csv.ShouldContain(quarter.Label());
        foreach (var quarter in running) csv.ShouldNotContain(quarter.Label());
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.FileName.ShouldBe("oppna-data.xlsx");
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value)
            .ShouldBe(["Om", "Trender", "Sektor", "Yrke", "Organisation", "Kommun"]);
    }

    [Fact]
    public async Task Downloads_in_english_when_asked()
    {
        var response = await factory.AnonymousClient().GetAsync("/oppna-data/oppna-data.csv?culture=en-GB");

        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("open-data.csv");
        var csv = await response.Content.ReadAsStringAsync();
        csv.ShouldContain("cell-key method");
        csv.ShouldContain("Quarter by quarter");
    }

    [Fact]
    public async Task Never_names_an_organisation_too_small_to_reach_the_threshold_even_with_noise()
    {
        // Noise adds at most 2, so an organisation with at most k − 3 people in all can never be named anywhere.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var small = (await db.Participations.Where(p => p.HasProfile && p.OrganisationId != null)
                .GroupBy(p => p.OrganisationId).Select(g => new { Id = g.Key, People = g.Select(p => p.AttendeeKey).Distinct().Count() })
                .ToListAsync())
            .Where(o => o.People <= 5 - 1 - CellKey.MaximumNoise).Select(o => o.Id).ToList();
        var names = await db.Organisations.Where(o => small.Contains(o.Id)).Select(o => o.Name).ToListAsync();
        names.ShouldNotBeEmpty();

        var client = factory.AnonymousClient();
        var outputs = new List<string>
        {
            await client.GetStringAsync("/oppna-data/oppna-data.json"), await client.GetStringAsync("/oppna-data/oppna-data.csv"),
        };
        var (completed, _) = await QuartersAsync();
        foreach (var quarter in completed) outputs.Add(await client.GetStringAsync($"/oppna-data?kvartal={quarter}"));

        foreach (var name in names)
            outputs.ShouldAllBe(o => !o.Contains(name, StringComparison.Ordinal) && !o.Contains(System.Net.WebUtility.HtmlEncode(name), StringComparison.Ordinal));
    }

    private async Task<(List<Quarter> Completed, List<Quarter> Running)> QuartersAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var quarters = (await db.Events.Select(e => e.StartsAtUtc).ToListAsync()).Select(Quarter.Containing).Distinct().Order().ToList();
        var now = SampleClock.UtcNow;
        return ([.. quarters.Where(q => q.EndUtc <= now)], [.. quarters.Where(q => q.EndUtc > now)]);
    }

    /// <summary>Every number under a property that holds a count of people.</summary>
    private static IEnumerable<int> Counts(JsonElement element)
    {
        string[] countNames = ["count", "registered", "attended", "withProfile", "total", "counted", "returningAttendees"];
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (countNames.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.Number)
                        yield return property.Value.GetInt32();
                    foreach (var inner in Counts(property.Value)) yield return inner;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                foreach (var inner in Counts(item)) yield return inner;
                break;
        }
    }
}
