using System.Text;
using System.Text.RegularExpressions;
using Analytics.Ingest.Uploads;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Import.ImportBrowser;

namespace Analytics.Web.Tests.Pages.Import;

[Collection(WebCollection.Name)]
public sealed partial class ColumnMappingTests(AnalyticsWebFactory factory)
{
    /// <summary>What the organiser says each column of <see cref="SpreadsheetExport"/> is; the rest stay on (ingen).</summary>
    private static readonly Dictionary<string, string> Questions = new()
    {
        ["Jobbar på"] = "organisation", ["Vad jobbar du med?"] = "profession", ["Bor i"] = "municipality", ["OK att använda svaren?"] = "consent",
    };

    /// <summary>The question columns of the sample Meetup lists, as the importer recognises them.</summary>
    private static readonly Dictionary<string, string> MeetupQuestions = new()
    {
        ["Vilken sektor arbetar du inom?"] = "sector", ["Vilken är din yrkesroll?"] = "profession",
        ["Vilken organisation kommer du från?"] = "organisation", ["I vilken kommun arbetar du?"] = "municipality",
        ["Vilken roll har du på träffen?"] = "role", ["Jag samtycker till att mina svar används för anonym statistik"] = "consent",
    };

    /// <summary>
    /// A list kept by hand and saved by Swedish Excel as "CSV (semikolonavgränsad)", in Windows-1252: no header the importer
    /// knows, names and e-mail addresses beside the answers. The tag keeps each test's file (and its SHA-256) its own.
    /// </summary>
    private static byte[] SpreadsheetExport(string tag)
    {
        string[] rows =
        [
            "Namn;Jobbar på;Vad jobbar du med?;Bor i;OK att använda svaren?;E-post",
            $"Åsa Öberg;Västra Götalandsregionen;Verksamhetsutvecklare;Göteborg;Ja;asa.oberg.{tag}@example.se",
            $"Jörgen Ärlig;Mölndals stad;Projektledare;Mölndal;Ja;jorgen.arlig.{tag}@example.se",
            $"Märta Ödmark;Borås Stad;Chef / ledning;Borås;Nej;marta.odmark.{tag}@example.se",
            $"Håkan Ström;Göteborgs Stad;Digitalisering / IT;Göteborg;Ja;hakan.strom.{tag}@example.se",
        ];
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(string.Join("\r\n", rows) + "\r\n");
    }

    [Fact]
    public async Task Imports_a_spreadsheet_with_unknown_headers_once_the_organiser_says_which_question_each_column_is()
    {
        var client = factory.AdminClient();
        var preview = await UploadAsync(client, SpreadsheetExport("mappad"), "deltagare.csv");
        var token = TokenOf(preview);
        var html = await preview.Content.ReadAsStringAsync();

        html.ShouldContain("<h2>Filen kan inte importeras</h2>");
        html.ShouldContain("<h2 id=\"columns-title\">Vilken fråga är kolumnen?</h2>");
        html.ShouldContain("<table class=\"mapping columns\" aria-labelledby=\"columns-title\">");
        ColumnRows(html).Keys.ShouldBe(["Namn", "Jobbar på", "Vad jobbar du med?", "Bor i", "OK att använda svaren?", "E-post"]);
        html.ShouldContain("<label class=\"visually-hidden\" for=\"column-1\">Fråga för kolumnen ”Jobbar på”</label>");
        Select(html, 1).ShouldContain("<option value=\"\">(ingen)</option>");
        Select(html, 1).ShouldContain("<option value=\"municipality\">Kommun</option>");
        Select(html, 1).ShouldNotContain("selected");
        html.ShouldNotContain("example.se", Case.Insensitive, "the preview shows the header, never a row");
        html.ShouldNotContain("Åsa Öberg");
        html.ShouldNotContain("Bekräfta och importera");

        var columns = ColumnFields(html, Questions);
        preview = await PostAsync(client, $"/import/granska/{token}?handler=Preview", html, columns);
        html = await preview.Content.ReadAsStringAsync();

        preview.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe($"/import/granska/{token}");
        html.ShouldContain("<dt>Format</dt><dd class=\"text\">CSV</dd>");
        html.ShouldContain("<th scope=\"row\">Organisation</th><td>Jobbar på</td>");
        html.ShouldContain("<th scope=\"row\">Yrke</th><td>Vad jobbar du med?</td>");
        html.ShouldContain("<th scope=\"row\">Kommun</th><td>Bor i</td>");
        html.ShouldContain("<th scope=\"row\">Samtycke</th><td>OK att använda svaren?</td>");
        html.ShouldContain("<dt>Lästa</dt><dd>4</dd>");
        html.ShouldContain("<dt>Godkända</dt><dd>4</dd>");
        html.ShouldContain("<li>Med delad profil: 3</li>");
        html.ShouldContain("Alla svar hittade sin kategori.", customMessage: "å, ä and ö survive Windows-1252, so every answer maps");
        html.ShouldContain("<details class=\"columns\">");
        Select(html, 1).ShouldContain("<option value=\"organisation\" selected=\"selected\">Organisation</option>");
        Select(html, 0).ShouldNotContain("selected");
        (await Uploads.FindAsync(token))!.Mapping.Columns.Keys.ShouldBe(Questions.Keys, ignoreOrder: true);

        var status = await PostAsync(client, $"/import/granska/{token}?handler=Confirm", html, ColumnFields(html, Questions));
        // A fast import may already be done and the status page hand straight over to the batch page.
        html = await (await UntilDoneAsync(client, status)).Content.ReadAsStringAsync();

        html.ShouldContain("<span class=\"subtitle\">deltagare.csv</span>");
        html.ShouldContain("<dt>Lästa</dt><dd>4</dd>");
        html.ShouldContain("<dt>Godkända</dt><dd>4</dd>");
        html.ShouldContain("<dt>Avvisade</dt><dd>0</dd>");
    }

    [Fact]
    public async Task Refuses_two_columns_chosen_as_the_same_question_with_an_error_beside_the_second()
    {
        var client = factory.AdminClient();
        var preview = await UploadAsync(client, SpreadsheetExport("dubbel"), "dubbel.csv");
        var token = TokenOf(preview);
        var html = await preview.Content.ReadAsStringAsync();

        var columns = ColumnFields(html, new Dictionary<string, string>(Questions) { ["Bor i"] = "organisation" });
        html = await (await PostAsync(client, $"/import/granska/{token}?handler=Preview", html, columns)).Content.ReadAsStringAsync();

        const string error = "Kolumnen ”Bor i” kan inte också vara Organisation; ”Jobbar på” är redan vald för den frågan. Välj en kolumn per fråga.";
        html.ShouldContain($"<a href=\"#column-3\">{error}</a>");
        html.ShouldContain($"<p id=\"column-3-error\" class=\"field-error\"><strong>Fel:</strong> {error}</p>");
        html.ShouldContain("<select id=\"column-3\" name=\"Columns[3].Question\" aria-describedby=\"column-3-error\" aria-invalid=\"true\">");
        html.ShouldContain("<select id=\"column-1\" name=\"Columns[1].Question\" aria-invalid=\"false\">");
        Select(html, 3).ShouldContain("<option value=\"organisation\" selected=\"selected\">Organisation</option>", customMessage: "the choice stays to be corrected");
        (await Uploads.FindAsync(token))!.Mapping.Columns.ShouldBeEmpty();
    }

    [Fact]
    public async Task Refuses_to_read_the_email_column_as_a_question()
    {
        var client = factory.AdminClient();
        var preview = await UploadAsync(client, SpreadsheetExport("e-post"), "e-post.csv");
        var token = TokenOf(preview);
        var html = await preview.Content.ReadAsStringAsync();

        var columns = ColumnFields(html, new Dictionary<string, string>(Questions) { ["Jobbar på"] = "", ["E-post"] = "organisation" });
        html = await (await PostAsync(client, $"/import/granska/{token}?handler=Preview", html, columns)).Content.ReadAsStringAsync();

        html.ShouldContain("<p id=\"column-5-error\" class=\"field-error\"><strong>Fel:</strong> Kolumnen ”E-post” kan inte vara en fråga; " +
                           "importen läser den redan som något annat, till exempel e-post, namn eller närvaro.</p>");
        (await Uploads.FindAsync(token))!.Mapping.Columns.ShouldBeEmpty();
    }

    [Fact]
    public async Task Offers_the_columns_of_a_recognised_meetup_list_collapsed_with_what_was_recognised_chosen()
    {
        var client = factory.AdminClient();
        var html = await (await UploadAsync(client, Encoding.UTF8.GetBytes(SampleListWith(Row("Kolumn Kollsson", 99000301))), "meetup.tsv"))
            .Content.ReadAsStringAsync();

        html.ShouldContain("<dt>Format</dt><dd class=\"text\">Meetup</dd>");
        html.ShouldContain("<details class=\"columns\">");
        html.ShouldContain("<summary id=\"columns-title\">Ändra kolumner</summary>");
        html.ShouldNotContain("Kolumn Kollsson");
        var rows = ColumnRows(html);
        Select(html, rows["Vilken sektor arbetar du inom?"]).ShouldContain("<option value=\"sector\" selected=\"selected\">Sektor</option>");
        Select(html, rows["Vilken är din yrkesroll?"]).ShouldContain("<option value=\"profession\" selected=\"selected\">Yrke</option>");
        Select(html, rows["Vilken roll har du på träffen?"]).ShouldContain("<option value=\"role\" selected=\"selected\">Roll</option>");
        Select(html, rows["Jag samtycker till att mina svar används för anonym statistik"])
            .ShouldContain("<option value=\"consent\" selected=\"selected\">Samtycke</option>");
        Select(html, rows["Name"]).ShouldNotContain("selected");
        Select(html, rows["User ID"]).ShouldNotContain("selected");
    }

    [Fact]
    public async Task Shows_the_preview_again_instead_of_importing_when_the_confirmation_changes_which_columns_are_read()
    {
        var client = factory.AdminClient();
        var preview = await UploadAsync(client, Encoding.UTF8.GetBytes(SampleListWith(Row("Byte Bytesson", 99000302))), "byte.tsv");
        var token = TokenOf(preview);
        var html = await preview.Content.ReadAsStringAsync();

        var swapped = ColumnFields(html, new Dictionary<string, string>(MeetupQuestions)
        {
            ["I vilken kommun arbetar du?"] = "role", ["Vilken roll har du på träffen?"] = "municipality",
        });
        var response = await PostAsync(client, $"/import/granska/{token}?handler=Confirm", html, swapped);
        html = await response.Content.ReadAsStringAsync();

        response.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe($"/import/granska/{token}?granska=kolumner");
        html.ShouldContain("Du ändrade vilka kolumner som läses, så importen har inte startat.");
        html.ShouldContain("<th scope=\"row\">Kommun</th><td>Vilken roll har du på träffen?</td>");
        html.ShouldContain("Bekräfta och importera");
        (await Uploads.FindAsync(token))!.ConfirmedAtUtc.ShouldBeNull();
    }

    [Fact]
    public async Task Refuses_to_leave_a_recognised_column_unread_without_another_column_for_its_question()
    {
        var client = factory.AdminClient();
        var preview = await UploadAsync(client, Encoding.UTF8.GetBytes(SampleListWith(Row("Ingen Ingensson", 99000303))), "ingen.tsv");
        var token = TokenOf(preview);
        var html = await preview.Content.ReadAsStringAsync();
        var rows = ColumnRows(html);

        var fields = ColumnFields(html, new Dictionary<string, string>(MeetupQuestions) { ["Vilken sektor arbetar du inom?"] = "" });
        html = await (await PostAsync(client, $"/import/granska/{token}?handler=Preview", html, fields)).Content.ReadAsStringAsync();

        var row = rows["Vilken sektor arbetar du inom?"];
        html.ShouldContain($"<p id=\"column-{row}-error\" class=\"field-error\"><strong>Fel:</strong> Kolumnen ”Vilken sektor arbetar du inom?” " +
                           "känns igen som Sektor på sin rubrik och läses ändå; välj en annan kolumn som Sektor om den här inte är rätt.</p>");
        html.ShouldContain("<details class=\"columns\" open=\"open\">");
    }

    private UploadStore Uploads => factory.Services.GetRequiredService<UploadStore>();

    /// <summary>The column form's rows as the page lists them: header text → row.</summary>
    private static Dictionary<string, int> ColumnRows(string html) =>
        ColumnRow().Matches(html).ToDictionary(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), m => int.Parse(m.Groups[2].Value));

    /// <summary>The column form as a browser posts it, with each named column set to its question and every other on (ingen).</summary>
    private static Dictionary<string, string> ColumnFields(string html, IReadOnlyDictionary<string, string> questions)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match m in ColumnRow().Matches(html))
        {
            var (header, row) = (System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value);
            fields[$"Columns[{row}].Index"] = m.Groups[3].Value;
            fields[$"Columns[{row}].Question"] = questions.GetValueOrDefault(header, "");
        }
        fields.ShouldNotBeEmpty("the page shows the column form");
        return fields;
    }

    private static string Select(string html, int row) => Between(html, $"<select id=\"column-{row}\"", "</select>");

    [GeneratedRegex(@"<th scope=""row"">([^<]*)</th>\s*<td>\s*<input type=""hidden"" name=""Columns\[(\d+)\]\.Index"" value=""(\d+)"" />")]
    private static partial Regex ColumnRow();
}
