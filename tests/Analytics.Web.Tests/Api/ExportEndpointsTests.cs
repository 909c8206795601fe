using System.Net;
using System.Text;
using Analytics.Core.Events;
using Analytics.Data;
using Analytics.Reporting.Excel;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class ExportEndpointsTests(AnalyticsWebFactory factory)
{
    private const string FirstMeeting = "2026-03-23-forsta-motet";

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url)
    {
        var response = await factory.AdminClient().GetAsync(url);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Serves_the_event_workbook_as_an_xlsx_attachment_named_after_the_event()
    {
        var (response, body) = await GetAsync($"/export/event/{FirstMeeting}.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(WorkbookWriter.ContentType);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe($"otg-{FirstMeeting}.xlsx");
        using var file = XlsxFile.Open(body);
        file.SheetNames.ShouldBe(["Sammanfattning", "Sektor", "Yrke", "Organisation", "Kommun", "Roller", "Mål", "Metod"]);
        file.RowLabelled("Sammanfattning", "Anmälda")[1].Number.ShouldBe(64);
        file.RowLabelled("Sammanfattning", "Deltog")[1].Number.ShouldBe(48);
        file.Charts("Sektor").ShouldHaveSingleItem();
        file.ValidationErrors().ShouldBeEmpty();
        SmallCounts.InWorkbook(file, k: 5).ShouldBeEmpty();
    }

    [Fact]
    public async Task Serves_the_workbook_in_english_when_the_page_is_english()
    {
        var (_, body) = await GetAsync($"/export/event/{FirstMeeting}.xlsx?culture=en-GB");

        using var file = XlsxFile.Open(body);
        file.SheetNames.ShouldBe(["Summary", "Sector", "Profession", "Organisation", "Municipality", "Roles", "Targets", "Method"]);
        file.RowLabelled("Summary", "Registered")[1].Number.ShouldBe(64);
    }

    [Fact]
    public async Task Serves_the_event_tables_as_csv_for_swedish_excel()
    {
        var (response, body) = await GetAsync($"/export/event/{FirstMeeting}.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"otg-{FirstMeeting}.csv");
        body.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var csv = Encoding.UTF8.GetString(body, 3, body.Length - 3);
        csv.Split("\r\n").ShouldContain("Anmälda;64");
        csv.Split("\r\n").ShouldContain("Sektor;Antal;Andel");
        SmallCounts.InCsv(csv, ';', k: 5).ShouldBeEmpty();
    }

    [Fact]
    public async Task Serves_the_quarters_steering_pack_with_a_row_per_event_and_its_tables_as_csv()
    {
        var quarter = new Quarter(2026, 1);
        List<string> titles;
        using (var scope = factory.Services.CreateScope())
            titles = await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().Events
                .Where(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc).OrderBy(e => e.StartsAtUtc).ThenBy(e => e.Slug)
                .Select(e => e.Title).ToListAsync();

        var (xlsx, workbook) = await GetAsync("/export/quarter/2026Q1.xlsx");
        var (csvResponse, csv) = await GetAsync("/export/quarter/2026Q1.csv?culture=en-GB");

        xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("otg-styrgruppspaket-2026Q1.xlsx");
        using var file = XlsxFile.Open(workbook);
        file.SheetNames.ShouldBe(["Sammanfattning", "Trender", "Sektor", "Yrke", "Organisation", "Räckvidd", "Balans", "Evenemang", "Metod"]);
        file.Cells("Evenemang").Where(c => c.Column == 2 && c.Row > 4).Select(c => c.Text).ShouldBe(titles);
        file.ValidationErrors().ShouldBeEmpty();
        SmallCounts.InWorkbook(file, k: 5).ShouldBeEmpty();
        csvResponse.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("otg-steering-pack-2026Q1.csv");
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        text.ShouldContain("Quarter,Events,Registered,Attended");
        SmallCounts.InCsv(text, ',', k: 5).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/export/event/finns-inte.xlsx", HttpStatusCode.NotFound, "Det finns inget evenemang ”finns-inte”.")]
    [InlineData("/export/event/finns-inte.csv", HttpStatusCode.NotFound, "Det finns inget evenemang ”finns-inte”.")]
    [InlineData("/export/quarter/2026-kvartal-1.xlsx", HttpStatusCode.BadRequest, "”2026-kvartal-1” är inget kvartal; skriv till exempel 2026Q1.")]
    [InlineData("/export/quarter/2031Q2.csv", HttpStatusCode.NotFound, "Det finns inga evenemang under Kvartal 2 2031.")]
    public async Task Refuses_an_unknown_event_or_quarter_with_a_swedish_sentence(string url, HttpStatusCode status, string sentence)
    {
        var (response, body) = await GetAsync(url);

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        Encoding.UTF8.GetString(body).ShouldContain(sentence);
    }
}
