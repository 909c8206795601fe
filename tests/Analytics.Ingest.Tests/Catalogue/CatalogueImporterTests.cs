using System.Text;
using Analytics.Core.Organisations;
using Analytics.Ingest.Catalogue;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Catalogue;

public class CatalogueImporterTests
{
    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    private static string ParseError(string number)
    {
        Organisationsnummer.TryParse(number, out _, out var error).ShouldBeFalse();
        return error;
    }

    [Theory, DatabaseProviders]
    public async Task Rejects_an_organisation_with_a_bad_organisationsnummer_or_a_personnummer_by_row_number(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();

        var result = await new CatalogueImporter(db).ImportOrganisationsAsync(Csv(
            "organisationsnummer,name,sector,municipality,host",
            "212000-1355,Göteborgs Stad,kommun,1480,true",
            "212000-1356,Felräknat AB,naringsliv,1480,false",
            "811228-9874,Någons Personnummer,naringsliv,1480,false",
            "12345,För kort,naringsliv,1480,false",
            ",Utan nummer,civilsamhalle,,false"));

        (result.Read, result.Accepted).ShouldBe((5, 2));
        result.Errors.ShouldBe(
        [
            new RowProblem(3, "organisationsnummer", ParseError("212000-1356")),
            new RowProblem(4, "organisationsnummer", ParseError("811228-9874")),
            new RowProblem(5, "organisationsnummer", ParseError("12345")),
        ]);
        result.Errors[1].Reason.ShouldContain("personnummer");
        (await db.Organisations.Select(o => o.Name).ToListAsync()).ShouldBe(["Göteborgs Stad", "Utan nummer"], ignoreOrder: true);
    }

    [Theory, DatabaseProviders]
    public async Task Rejects_an_organisation_in_an_unknown_sector(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();

        var result = await new CatalogueImporter(db).ImportOrganisationsAsync(Csv(
            "organisationsnummer,name,sector,municipality,host",
            ",Rymdstyrelsen i väst,rymden,1480,false"));

        var problem = result.Errors.ShouldHaveSingleItem();
        (problem.Row, problem.Column).ShouldBe((2, "sector"));
        problem.Reason.ShouldContain("rymden");
        (await db.Organisations.CountAsync()).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task Rejects_an_event_whose_host_is_not_a_known_organisation(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var catalogue = new CatalogueImporter(db);
        await catalogue.ImportOrganisationsAsync(Csv("organisationsnummer,name,sector,municipality,host", "212000-1355,Göteborgs Stad,kommun,1480,true"));

        var result = await catalogue.ImportEventsAsync(Csv(
            "slug,title,starts,ends,format,municipality,online,capacity,meetup_event_id,hosts",
            "2026-09-17-traff,Träff,2026-09-17T17:00,2026-09-17T19:00,traff,1480,false,30,,Göteborgs Stad",
            "2026-09-18-traff,Träff igen,2026-09-18T17:00,,traff,1480,false,,,Göteborgs Stad;Okänd Förening"));

        (result.Read, result.Accepted).ShouldBe((2, 1));
        var problem = result.Errors.ShouldHaveSingleItem();
        problem.Row.ShouldBe(3);
        problem.Reason.ShouldContain("Värdorganisationen ”Okänd Förening” finns inte");
        (await db.Events.Select(e => e.Slug).ToListAsync()).ShouldBe(["2026-09-17-traff"]);
    }

    [Theory, DatabaseProviders]
    public async Task Rejects_an_event_with_a_mistyped_year_and_keeps_the_others(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var catalogue = new CatalogueImporter(db);

        var result = await catalogue.ImportEventsAsync(Csv(
            "slug,title,starts,ends,format,municipality,online,capacity,meetup_event_id,hosts",
            "2026-09-17-traff,Träff,2026-09-17T17:00,,traff,1480,false,,,",
            "0026-09-18-traff,Träff igen,0026-09-18T17:00,,traff,1480,false,,,",
            "2206-09-19-traff,Träff sen,2206-09-19T17:00,,traff,1480,false,,,"));

        (result.Read, result.Accepted).ShouldBe((3, 1));
        result.Errors.Select(e => (e.Row, e.Reason)).ShouldBe(
        [
            (3, "Datumet 0026-09-18 ser felskrivet ut; ett evenemang ligger mellan år 2000 och 2100."),
            (4, "Datumet 2206-09-19 ser felskrivet ut; ett evenemang ligger mellan år 2000 och 2100."),
        ]);
        (await db.Events.Select(e => e.Slug).ToListAsync()).ShouldBe(["2026-09-17-traff"]);
    }

    [Theory, DatabaseProviders]
    public async Task Importing_the_sample_catalogues_again_changes_nothing(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        string[] files = ["organisations.csv", "events.csv", "targets.example.csv"];

        async Task<List<CatalogueResult>> ImportAllAsync()
        {
            await using var db = database.Open();
            var catalogue = new CatalogueImporter(db);
            var results = new List<CatalogueResult>();
            foreach (var file in files)
            {
                await using var csv = File.OpenRead(SampleData.File(file));
                results.Add(await (file switch
                {
                    "organisations.csv" => catalogue.ImportOrganisationsAsync(csv),
                    "events.csv" => catalogue.ImportEventsAsync(csv),
                    _ => catalogue.ImportTargetsAsync(csv),
                }));
            }
            return results;
        }

        var first = await ImportAllAsync();
        first.ShouldAllBe(r => r.Errors.Count == 0);
        first.Select(r => r.Accepted).ShouldBe(files.Select(f => SampleCsv.Read(SampleData.File(f)).Rows.Count));
        Dictionary<string, long> counts, versions;
        await using (var db = database.Open())
        {
            counts = await DatabaseContents.CountsAsync(db);
            versions = await db.Events.ToDictionaryAsync(e => e.Slug, e => e.DataVersion);
        }

        var second = await ImportAllAsync();

        second.ShouldAllBe(r => r.Errors.Count == 0);
        await using (var db = database.Open())
        {
            (await DatabaseContents.CountsAsync(db)).ShouldBe(counts);
            (await db.Events.ToDictionaryAsync(e => e.Slug, e => e.DataVersion)).ShouldBe(versions);
        }
    }
}
