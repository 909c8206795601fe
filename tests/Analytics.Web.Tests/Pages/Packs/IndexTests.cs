using System.Net;
using Analytics.Jobs.Reports;
using Analytics.Data;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages.Packs;

[Collection(WebCollection.Name)]
public sealed class IndexTests(AnalyticsWebFactory factory)
{
    private async Task<byte[]> BuildPackAsync(string quarter)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<BuildSteeringPackJob>().RunAsync(quarter, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        return await db.SteeringPacks.Where(p => p.QuarterKey == quarter).Select(p => p.Content).SingleAsync();
    }

    [Fact]
    public async Task A_pack_the_quarterly_job_stored_is_listed_and_downloads_as_the_stored_file()
    {
        var stored = await BuildPackAsync("2026Q1");
        var client = factory.AdminClient();

        var page = await client.GetStringAsync("/paket");
        var download = await client.GetAsync("/paket/2026Q1.xlsx");

        page.ShouldContain("<h1>Styrgruppspaket</h1>");
        page.ShouldContain("href=\"/paket/2026Q1.xlsx\"");
        page.ShouldContain("Paketet för Kvartal 1 2026 (xlsx)");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe(Reporting.Excel.WorkbookWriter.ContentType);
        download.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("otg-styrgruppspaket-2026Q1.xlsx");
        var body = await download.Content.ReadAsByteArrayAsync();
        body.ShouldBe(stored);
        using var file = XlsxFile.Open(body);
        file.SheetNames[0].ShouldBe("Sammanfattning");
        SmallCounts.InWorkbook(file, k: 5).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_list_reads_in_english_with_the_english_culture()
    {
        await BuildPackAsync("2026Q2");

        var page = await factory.AdminClient().GetStringAsync("/paket?culture=en-GB");

        page.ShouldContain("<h1>Steering group packs</h1>");
        page.ShouldContain("The pack for Q2 2026 (xlsx)");
    }

    [Theory]
    [InlineData("/paket/2019Q1.xlsx")]
    [InlineData("/paket/kvartal.xlsx")]
    public async Task A_quarter_without_a_stored_pack_is_not_found(string url) =>
        (await factory.AdminClient().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
}
