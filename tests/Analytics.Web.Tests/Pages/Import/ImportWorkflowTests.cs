using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Data;
using Analytics.Ingest.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Import.ImportBrowser;

namespace Analytics.Web.Tests.Pages.Import;

[Collection(WebCollection.Name)]
public sealed partial class ImportWorkflowTests(AnalyticsWebFactory factory)
{
    private const string Slug = ImportBrowser.Slug;
    private const string Unmapped = "Offentlig verksamhet";

    /// <summary>
    /// The event's Meetup list as the organiser downloads it a second time: one more registration (a newcomer whose
    /// sector answer needs mapping) and one row Meetup wrote wrongly, so the batch has a row error to download.
    /// </summary>
    private static string UpdatedList() =>
        SampleListWith(Row("Nyfiken Nykomling", 99000001, sector: Unmapped), Row("Tveksam Testsson", 99000002, rsvp: "Kanske"));

    /// <summary>How often the list's consenting rows with a readable RSVP answer the sector question with the unmapped value.</summary>
    private static int UnmappedCount(string list) => list.Split('\n').Skip(1).Select(l => l.Split('\t'))
        .Count(c => c.Length > 14 && c[9].Trim() == Unmapped && c[14].Trim() == "Ja" && c[4] is "Yes" or "No" or "Waitlist");

    [Fact]
    public async Task Takes_an_updated_meetup_list_from_upload_through_mapping_to_the_event_report()
    {
        var client = factory.AdminClient();
        var registeredBefore = await RegisteredAsync(client);
        var list = UpdatedList();

        var preview = await UploadAsync(client, Encoding.UTF8.GetBytes(list), $"{Slug}.tsv");
        var token = TokenOf(preview);
        var html = await preview.Content.ReadAsStringAsync();
        html.ShouldContain("<dt>Format</dt><dd class=\"text\">Meetup</dd>");
        html.ShouldContain("<th scope=\"row\">Sektor</th><td>Vilken sektor arbetar du inom?</td>");
        html.ShouldContain("<th scope=\"row\">Samtycke</th><td>Jag samtycker till att mina svar används för anonym statistik</td>");
        html.ShouldContain("<dt>Lästa</dt><dd>29</dd>");
        html.ShouldContain("<dt>Avvisade</dt><dd>1</dd>");
        html.ShouldContain("Okänt RSVP-värde; väntade Yes, No eller Waitlist.");
        UnmappedSection(html).ShouldMatch($@"id=""choice-\d+-value"">{Unmapped}</th>\s*<td class=""num"">{UnmappedCount(list)}</td>");

        var mapping = new Dictionary<string, string>
        {
            ["Choices[0].Column"] = "sector", ["Choices[0].Value"] = Unmapped, ["Choices[0].Target"] = "kommun",
        };
        html = await (await PostAsync(client, $"/import/granska/{token}?handler=Preview", html, mapping)).Content.ReadAsStringAsync();
        UnmappedSection(html).ShouldNotContain(Unmapped);
        MappedSection(html).ShouldMatch($@">{Unmapped}</th>[\s\S]*<option value=""kommun"" selected=""selected"">Kommun</option>");

        var done = await PostAsync(client, $"/import/granska/{token}?handler=Confirm", html, mapping);
        var batch = await UntilDoneAsync(client, done);
        html = await batch.Content.ReadAsStringAsync();
        html.ShouldContain("<dt>Lästa</dt><dd>29</dd>");
        html.ShouldContain("<dt>Godkända</dt><dd>28</dd>");
        html.ShouldContain("<dt>Avvisade</dt><dd>1</dd>");
        html.ShouldContain($"href=\"/evenemang/{Slug}\"");
        (await RegisteredAsync(client)).ShouldBe(registeredBefore + 1);

        var batchPath = batch.RequestMessage!.RequestUri!.AbsolutePath;
        (await client.GetStringAsync("/import/historik")).ShouldContain($"<a href=\"{batchPath}\">{Slug}.tsv</a>");
        var csv = await client.GetAsync($"{batchPath}/fel.csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldBe("Rad;Kolumn;Orsak");
        lines[1].ShouldMatch(@"^\d+;RSVP;""Okänt RSVP-värde; väntade Yes, No eller Waitlist\.""$", "the reason holds a semicolon, so it is quoted");
        Directory.EnumerateFiles(Uploads.Folder, $"{token}.upload").ShouldBeEmpty("the uploaded bytes are deleted once imported");
    }

    [Fact]
    public async Task Refuses_a_picture_with_a_sentence_and_changes_nothing()
    {
        var client = factory.AdminClient();
        var before = await CountsAsync();
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1];

        var preview = await UploadAsync(client, png, "affisch.png");
        var html = await preview.Content.ReadAsStringAsync();

        html.ShouldContain("”affisch.png” är varken en textfil (CSV) eller en Excelfil (.xlsx)");
        html.ShouldContain($"<a href=\"/import?event={Slug}\">Ladda upp en annan fil</a>");
        html.ShouldNotContain("Bekräfta och importera");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Refuses_a_file_just_over_the_size_limit_at_upload_and_keeps_nothing()
    {
        var client = factory.AdminClient();
        var kept = UploadsKept();

        var response = await UploadAsync(client, OverLimit(1), "stor.csv");
        var html = await response.Content.ReadAsStringAsync();

        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/import");
        html.ShouldContain("<strong>Fel:</strong> Filen ”stor.csv” är större än 20 MB; dela upp den");
        html.ShouldContain("aria-describedby=\"file-hint file-error\" aria-invalid=\"true\"");
        html.ShouldContain("<a href=\"#file\">Filen ”stor.csv” är större än 20 MB");
        UploadsKept().ShouldBe(kept);
    }

    [Fact]
    public async Task Refuses_a_request_far_over_the_size_limit_before_reading_it()
    {
        var client = factory.AdminClient();
        var kept = UploadsKept();

        var response = await UploadAsync(client, OverLimit(1024 * 1024), "mycket-stor.csv");
        var html = await response.Content.ReadAsStringAsync();

        response.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe($"/import?fel=for-stor&event={Slug}");
        html.ShouldContain("<strong>Fel:</strong> Filen är större än 20 MB; dela upp den");
        html.ShouldContain($"<option value=\"{Slug}\" selected=\"selected\">");
        UploadsKept().ShouldBe(kept);
    }

    [Fact]
    public async Task Asks_for_the_event_and_the_file_beside_their_fields()
    {
        var client = factory.AdminClient();
        var form = await client.GetStringAsync("/import");

        var response = await client.PostAsync("/import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form), ["event"] = "", ["kind"] = "",
        }));
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("<p id=\"event-error\" class=\"field-error\"><strong>Fel:</strong> Välj evenemanget som filen gäller.</p>");
        html.ShouldContain("aria-describedby=\"event-hint event-error\" aria-invalid=\"true\"");
        html.ShouldContain("<p id=\"file-error\" class=\"field-error\"><strong>Fel:</strong> Välj filen som ska importeras.</p>");
    }

    [Fact]
    public async Task Lists_the_events_newest_first_with_the_asked_one_chosen()
    {
        var html = await factory.AdminClient().GetStringAsync($"/import?event={Slug}");

        var slugs = OptionValue().Matches(html[html.IndexOf("id=\"event\"", StringComparison.Ordinal)..html.IndexOf("</select>", StringComparison.Ordinal)])
            .Select(m => m.Groups[1].Value).Where(v => v.Length > 0).ToList();
        slugs.Count.ShouldBeGreaterThan(30);
        slugs.ShouldBe(slugs.OrderDescending(StringComparer.Ordinal).ToList(), "slugs begin with the event's date");
        html.ShouldContain($"<option value=\"{Slug}\" selected=\"selected\">");
    }

    [Fact]
    public async Task Links_the_event_report_and_the_menu_to_the_import()
    {
        var html = await factory.AdminClient().GetStringAsync($"/evenemang/{Slug}");

        html.ShouldContain($"<a href=\"/import?event={Slug}\">Importera</a>");
        html.ShouldContain("<a href=\"/import\" aria-current=\"false\">Import</a>");
    }

    [Fact]
    public async Task Speaks_english_when_asked()
    {
        var html = await factory.AdminClient().GetStringAsync($"/import?event={Slug}&culture=en-GB");

        html.ShouldContain("<h1>Import an attendee list</h1>");
        html.ShouldContain("<label for=\"file\">File</label>");
        html.ShouldContain("<option value=\"\" selected=\"selected\">Automatic</option>");
    }

    [Theory]
    [InlineData("/import/granska/0123456789abcdef0123456789abcdef")]
    [InlineData("/import/granska/..%2F..%2Fanalytics")]
    [InlineData("/import/status/0123456789abcdef0123456789abcdef")]
    [InlineData("/import/batch/999999")]
    [InlineData("/import/batch/999999/fel.csv")]
    public async Task Answers_an_unknown_upload_or_batch_with_not_found(string path)
    {
        var response = await factory.AdminClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private UploadStore Uploads => factory.Services.GetRequiredService<UploadStore>();

    private int UploadsKept() => Directory.Exists(Uploads.Folder) ? Directory.EnumerateFiles(Uploads.Folder).Count() : 0;

    /// <summary>A text file the given number of bytes over the configured limit (20 MB by default).</summary>
    private static byte[] OverLimit(int bytes)
    {
        var content = new byte[20 * 1024 * 1024 + bytes];
        content.AsSpan().Fill((byte)'a');
        return content;
    }

    private async Task<(int Batches, int Participations)> CountsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        return (await db.ImportBatches.CountAsync(), await db.Participations.CountAsync());
    }

    private static async Task<int> RegisteredAsync(HttpClient client)
    {
        using var report = JsonDocument.Parse(await client.GetStringAsync($"/api/reports/event/{Slug}"));
        return report.RootElement.GetProperty("participants").GetProperty("registered").GetInt32();
    }

    [GeneratedRegex(@"<option value=""([^""]*)""")]
    private static partial Regex OptionValue();
}
