using System.Text;
using System.Text.RegularExpressions;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Import.ImportBrowser;

namespace Analytics.Web.Tests.Pages.Import;

[Collection(WebCollection.Name)]
public sealed class PreviewTests(AnalyticsWebFactory factory)
{
    private const string Newcomer = "Exempelbyrån i Väst AB";

    [Fact]
    public async Task Offers_a_new_organisation_in_the_sector_its_rows_give_but_creates_it_only_when_chosen_with_a_sector()
    {
        var client = factory.AdminClient();
        var preview = await UploadAsync(client, Encoding.UTF8.GetBytes(SampleListWith(Row("Nyfiken Nykomling", 99000101, sector: "Näringsliv", organisation: Newcomer))), "med-ny-organisation.tsv");
        var token = TokenOf(preview);
        var html = await preview.Content.ReadAsStringAsync();

        var row = Regex.Match(UnmappedSection(html), $@"id=""choice-(\d+)-value"">{Newcomer}</th>").Groups[1].Value;
        row.ShouldNotBeEmpty();
        Between(html, $"<select id=\"choice-{row}\"", "</select>").ShouldNotContain("selected");
        Between(html, $"<select id=\"choice-{row}-sector\"", "</select>").ShouldContain("<option value=\"naringsliv\" selected=\"selected\">Näringsliv</option>");

        var choice = new Dictionary<string, string>
        {
            ["Choices[0].Column"] = "organisation", ["Choices[0].Value"] = Newcomer, ["Choices[0].Target"] = "+ny", ["Choices[0].NewSector"] = "",
        };
        html = await (await PostAsync(client, $"/import/granska/{token}?handler=Confirm", html, choice)).Content.ReadAsStringAsync();

        html.ShouldContain($"<a href=\"#choice-0-sector\">Välj sektor för den nya organisationen ”{Newcomer}”.</a>");
        html.ShouldContain($"<p id=\"choice-0-sector-error\" class=\"field-error\"><strong>Fel:</strong> Välj sektor för den nya organisationen ”{Newcomer}”.</p>");
        html.ShouldContain("aria-describedby=\"choice-0-value choice-0-sector-error\" aria-invalid=\"true\"");

        choice["Choices[0].NewSector"] = "naringsliv";
        html = await (await PostAsync(client, $"/import/granska/{token}?handler=Preview", html, choice)).Content.ReadAsStringAsync();

        html.ShouldContain($"<li>Nya organisationer: {Newcomer}</li>");
        UnmappedSection(html).ShouldNotContain(Newcomer);
        using var scope = factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().Organisations.AnyAsync(o => o.Name == Newcomer))
            .ShouldBeFalse("a preview saves nothing");
    }

    [Fact]
    public async Task Says_when_the_file_is_already_imported_and_offers_no_confirmation()
    {
        var client = factory.AdminClient();
        var sample = await File.ReadAllBytesAsync(Path.Combine(Analytics.Ingest.Seeding.SampleFolder.Locate()!, "meetup", $"{Slug}.tsv"));

        var html = await (await UploadAsync(client, sample, $"{Slug}.tsv")).Content.ReadAsStringAsync();

        html.ShouldContain("Filen är redan importerad till det här evenemanget; en ny import skulle inte ändra något.");
        html.ShouldMatch(@"<a href=""/import/batch/\d+"">Visa importen</a>");
        html.ShouldNotContain("Bekräfta och importera");
    }
}
