using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Analytics.Ingest.Seeding;

namespace Analytics.Web.Tests.Pages.Import;

/// <summary>Drives the import pages as a browser does: forms with their anti-forgery token and cookie, redirects followed.</summary>
internal static partial class ImportBrowser
{
    /// <summary>A held event from 2025, so the quarters other tests read stay as the sample data has them.</summary>
    public const string Slug = "2025-10-09-forstudie-ett-team-i-vast";

    /// <summary>The event's Meetup list from data-samples/, with rows added at the end.</summary>
    public static string SampleListWith(params string[] rows) =>
        File.ReadAllText(Path.Combine(SampleFolder.Locate()!, "meetup", $"{Slug}.tsv")).TrimEnd('\n') + "\n" + string.Concat(rows.Select(r => r + "\n"));

    /// <summary>A row of the classic Meetup layout for a consenting newcomer.</summary>
    public static string Row(string name, int member, string rsvp = "Yes", string sector = "Kommun", string organisation = "Göteborgs Stad") =>
        string.Join('\t', name, $"user {member}", "", "No", rsvp, "0", "10/1/2025 12:00", "9/30/2025", $"https://www.meetup.com/members/{member}/",
            sector, "Projektledare", organisation, "Göteborg", "Deltagare", "Ja");

    /// <summary>Uploads through the form for <see cref="Slug"/> with the kind left on automatic.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        var form = await client.GetStringAsync($"/import?event={Slug}");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(Slug), "event" },
            { new StringContent(""), "kind" },
            { file, "file", fileName },
        };
        return await client.PostAsync($"/import?event={Slug}", body);
    }

    /// <summary>Posts fields with the token of the form on the page the browser shows.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string page, Dictionary<string, string> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page) }));

    public static string AntiforgeryToken(string html) => Antiforgery().Match(html).Groups[1].Value;

    public static string TokenOf(HttpResponseMessage preview) =>
        PreviewPath().Match(preview.RequestMessage!.RequestUri!.AbsolutePath) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException($"Expected the preview, got {preview.RequestMessage.RequestUri}.");

    /// <summary>The part of a page from one marker up to the next; empty when the first is missing.</summary>
    public static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        if (from < 0) return "";
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? html[from..] : html[from..to];
    }

    public static string UnmappedSection(string html) => Between(html, "id=\"unmapped\"", "id=\"mapped\"");

    public static string MappedSection(string html) => Between(html, "id=\"mapped\"", "class=\"actions\"");

    /// <summary>Follows the status page, as its reloads do, until it hands over to the batch page.</summary>
    public static async Task<HttpResponseMessage> UntilDoneAsync(HttpClient client, HttpResponseMessage status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (status.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/import/status/", StringComparison.Ordinal))
        {
            var html = await status.Content.ReadAsStringAsync();
            html.ShouldContain("<meta http-equiv=\"refresh\" content=\"2\" />");
            html.ShouldMatch(@"<p role=""status"" class=""progress"">\s*(Importen väntar på att starta\.|\d+ rader lästa)\s*</p>");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The import did not finish within 30 seconds.");
            await Task.Delay(200);
            status = await client.GetAsync(status.RequestMessage.RequestUri);
        }
        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        status.RequestMessage.RequestUri.AbsolutePath.ShouldStartWith("/import/batch/");
        return status;
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("^/import/granska/([0-9a-f]{32})$")]
    private static partial Regex PreviewPath();
}
