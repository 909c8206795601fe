using System.Text;
using Analytics.EndToEnd.Site;
using Analytics.Ingest.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.EndToEnd.Accessibility;

/// <summary>
/// The import forms in the states only a submission reaches: the upload form with its errors, and the preview of an
/// upload, with answers to map or with columns to name. Each passes axe, the keyboard walk and 200 % zoom. Nothing is
/// confirmed, so the sample data other tests read stays as it is.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class ImportFormTests(LiveSite site, ITestOutputHelper output)
{
    private const string Slug = "2025-10-09-forstudie-ett-team-i-vast";

    [Fact]
    public Task Upload_form_showing_its_errors_is_accessible() =>
        site.CheckAsync("/import", "errors", output, async page =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp och förhandsgranska" }).ClickAsync();
            await page.Locator(".error-summary").WaitForAsync();
            await AllChecks.AssertAsync(page, output, "/import.errors");
        });

    [Fact]
    public Task Preview_with_answers_to_map_is_accessible() =>
        site.CheckAsync($"/import?event={Slug}", "preview", output, async page =>
        {
            var list = File.ReadAllText(Path.Combine(SampleFolder.Locate()!, "meetup", $"{Slug}.tsv")).TrimEnd('\n')
                + "\nTestperson Ett\tuser 9000001\t\tNo\tYes\t0\t10/1/2025 12:00\t9/30/2025\thttps://www.meetup.com/members/9000001/\tRymdsektorn\tProjektledare\tNya Testbolaget AB\tGöteborg\tDeltagare\tJa\n";
            await UploadAsync(page, Encoding.UTF8.GetBytes(list), "med-nya-svar.tsv");
            await page.Locator("#unmapped").WaitForAsync();
            await AllChecks.AssertAsync(page, output, "/import/granska.unmapped");
        });

    [Fact]
    public Task Preview_asking_which_question_each_column_answers_is_accessible() =>
        site.CheckAsync($"/import?event={Slug}", "columns", output, async page =>
        {
            const string handKeptList = """
                Namn;Jobbar på;Vad jobbar du med?;Bor i;OK att använda svaren?;E-post
                Testperson Ett;Västra Götalandsregionen;Verksamhetsutvecklare;Göteborg;Ja;ett@example.se
                Testperson Två;Mölndals stad;Projektledare;Mölndal;Ja;tva@example.se
                """;
            await UploadAsync(page, Encoding.UTF8.GetBytes(handKeptList + "\n"), "for-hand.csv");
            await page.Locator("table.mapping.columns").WaitForAsync();
            await AllChecks.AssertAsync(page, output, "/import/granska.columns");
        });

    private static async Task UploadAsync(IPage page, byte[] content, string fileName)
    {
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/plain", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp och förhandsgranska" }).ClickAsync();
        await page.WaitForURLAsync("**/import/granska/**");
    }
}
