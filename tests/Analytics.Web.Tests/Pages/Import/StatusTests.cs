using System.Net;
using Analytics.Ingest.Uploads;
using Analytics.Jobs.Imports;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages.Import;

[Collection(WebCollection.Name)]
public sealed class StatusTests(AnalyticsWebFactory factory)
{
    private const string Slug = "2025-10-09-forstudie-ett-team-i-vast";

    private UploadStore Uploads => factory.Services.GetRequiredService<UploadStore>();

    private ImportProgressBoard Board => factory.Services.GetRequiredService<ImportProgressBoard>();

    private async Task<Upload> UploadAsync() =>
        (await Uploads.SaveAsync(new MemoryStream("Name\tUser ID\tRSVP\n"u8.ToArray()), "lista.tsv", Slug, null)).Upload!;

    [Fact]
    public async Task Shows_the_rows_read_in_a_status_region_and_reloads_while_the_import_runs()
    {
        var upload = await Uploads.ConfirmAsync(await UploadAsync());
        Board.TryQueue(upload.Token);
        Board.Running(upload.Token, 1234);

        var html = await factory.AdminClient().GetStringAsync($"/import/status/{upload.Token}");

        html.ShouldContain("<meta http-equiv=\"refresh\" content=\"2\" />");
        html.ShouldMatch(@"<p role=""status"" class=""progress"">\s*1&#xA0;234 rader lästa\s*</p>");
        html.ShouldContain("<h1>Importen pågår <span class=\"subtitle\">lista.tsv</span></h1>");
    }

    [Fact]
    public async Task Says_a_confirmed_import_waits_until_a_job_server_takes_it()
    {
        var upload = await Uploads.ConfirmAsync(await UploadAsync());

        var html = await factory.AdminClient().GetStringAsync($"/import/status/{upload.Token}");

        html.ShouldMatch(@"<p role=""status"" class=""progress"">\s*Importen väntar på att starta\.\s*</p>");
    }

    [Fact]
    public async Task Shows_a_refusal_as_an_alert_and_stops_reloading()
    {
        var upload = await Uploads.FinishAsync(await Uploads.ConfirmAsync(await UploadAsync()), null, "”lista.tsv” har en rubrikrad men inga rader.");

        var html = await factory.AdminClient().GetStringAsync($"/import/status/{upload.Token}");

        html.ShouldContain("<h1>Importen avvisades <span class=\"subtitle\">lista.tsv</span></h1>");
        html.ShouldMatch(@"<div class=""notice"" role=""alert"">\s*<p>”lista.tsv” har en rubrikrad men inga rader.</p>");
        html.ShouldContain($"<a href=\"/import?event={Slug}\">Ladda upp en fil igen</a>");
        html.ShouldNotContain("http-equiv=\"refresh\"");
    }

    [Fact]
    public async Task Sends_an_upload_not_yet_confirmed_back_to_its_preview()
    {
        var upload = await UploadAsync();
        var client = factory.AdminClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/import/status/{upload.Token}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/import/granska/{upload.Token}");
    }
}
