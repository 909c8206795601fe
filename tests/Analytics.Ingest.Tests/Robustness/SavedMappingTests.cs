using System.Text;
using Analytics.Core.Organisations;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Tests.Meetup;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Robustness;

/// <summary>An organiser maps an unknown answer once; the mapping is kept for the next file, and only a real import keeps it.</summary>
public class SavedMappingTests
{
    private const string FirstEvent = SampleData.FirstMeeting;
    private const string SecondEvent = "2026-04-22-traff-alingsas";
    private const string ThirdEvent = "2026-04-08-tjanstedesign-i-praktiken";

    private static readonly ImportMapping KommunAndGu = ImportMapping.Parse("""
        { "values": { "sector": { "Kommunal verksamhet": "kommun" }, "organisation": { "GU": "Göteborgs universitet" } } }
        """);

    private static byte[] ListOf(int firstMember, params (string Sector, string Organisation)[] answers) =>
        Encoding.UTF8.GetBytes(MeetupListFile.Classic([.. answers.Select((a, i) =>
            Attendee.Member($"Person {firstMember + i}", firstMember + i) with { Sector = a.Sector, Organisation = a.Organisation })]).Text());

    private static byte[] KommunalAndGu(int firstMember) =>
        ListOf(firstMember, ("Kommunal verksamhet", "Göteborgs Stad"), ("Akademi", "GU"), ("Kommunal verksamhet", "Borås Stad"), ("Region", "Västra Götalandsregionen"));

    private static Task<ImportResult> ImportAsync(TestDatabase database, string slug, byte[] content, ImportMapping? mapping = null,
        bool dryRun = false, bool acceptNew = false) =>
        database.ImportAsync(new ImportRequest(new MemoryStream(content), "lista.tsv", slug, "test")
        {
            Mapping = mapping ?? ImportMapping.Empty, DryRun = dryRun, AcceptNewOrganisations = acceptNew,
        });

    private static Task<List<(string? Sector, string? Organisation)>> ProfilesAsync(TestDatabase database, string slug) =>
        database.QueryAsync(async db => (await db.Participations.Where(p => db.Events.Any(e => e.Id == p.EventId && e.Slug == slug))
            .OrderBy(p => p.Id).Select(p => new { p.SectorCode, Organisation = p.Organisation!.Name }).ToListAsync())
            .Select(p => (p.SectorCode, (string?)p.Organisation)).ToList());

    [Theory, DatabaseProviders]
    public async Task Keeps_a_mapping_as_synonym_and_alias_so_the_next_file_with_the_same_answers_needs_none(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, FirstEvent, SecondEvent, ThirdEvent);
        (await ImportAsync(database, FirstEvent, KommunalAndGu(1), dryRun: true)).Unmapped.Select(u => (u.Column, u.Value))
            .ShouldBe([("sector", "Kommunal verksamhet"), ("organisation", "GU")], ignoreOrder: true);

        var mapped = await ImportAsync(database, FirstEvent, KommunalAndGu(1), KommunAndGu);
        var next = await ImportAsync(database, SecondEvent, ListOf(101, ("kommunal  verksamhet", "gu"), ("Kommunal verksamhet", "Lerums kommun")));

        mapped.Unmapped.ShouldBeEmpty();
        next.Unmapped.ShouldBeEmpty();
        (await ProfilesAsync(database, FirstEvent)).ShouldBe(
            [("kommun", "Göteborgs Stad"), ("akademi", "Göteborgs universitet"), ("kommun", "Borås Stad"), ("region", "Västra Götalandsregionen")]);
        (await ProfilesAsync(database, SecondEvent)).ShouldBe([("kommun", "Göteborgs universitet"), ("kommun", "Lerums kommun")]);
        var synonyms = await database.QueryAsync(db => db.TaxonomyCategories.Where(c => c.Dimension == "sector" && c.Code == "kommun").Select(c => c.Synonyms).SingleAsync());
        synonyms!.Split('|').ShouldContain("Kommunal verksamhet");
        var aliases = await database.QueryAsync(db => db.Organisations.Where(o => o.Name == "Göteborgs universitet").Select(o => o.Aliases).SingleAsync());
        aliases!.Split('|').ShouldBe(["GU"]);
    }

    [Theory, DatabaseProviders]
    public async Task Keeps_a_synonym_once_however_many_files_bring_the_same_mapping(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, FirstEvent, SecondEvent, ThirdEvent);
        var respelled = ImportMapping.Parse("""
            { "values": { "sector": { "KOMMUNAL  verksamhet ": "kommun" } } }
            """);

        await ImportAsync(database, FirstEvent, KommunalAndGu(1), KommunAndGu);
        await ImportAsync(database, SecondEvent, ListOf(101, ("Kommunal verksamhet", "Lerums kommun")), KommunAndGu);
        await ImportAsync(database, ThirdEvent, ListOf(201, ("Kommunal verksamhet", "Lerums kommun")), respelled);

        var synonyms = await database.QueryAsync(db => db.TaxonomyCategories.Where(c => c.Dimension == "sector" && c.Code == "kommun").Select(c => c.Synonyms).SingleAsync());
        synonyms!.Split('|').Count(s => TextKey.Of(s) == "kommunal verksamhet").ShouldBe(1);
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_mapping_that_points_at_a_category_or_organisation_that_does_not_exist(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, FirstEvent);
        var before = await database.QueryAsync(DatabaseContents.CountsAsync);
        var wrong = ImportMapping.Parse("""
            { "values": { "sector": { "Kommunal verksamhet": "kommunen" }, "organisation": { "GU": "Göteborgs högskola" } } }
            """);

        var result = await ImportAsync(database, FirstEvent, KommunalAndGu(1), wrong);

        result.Refusal.ShouldBe("Mappningen pekar på ”kommunen” för sector, men det finns ingen sådan. " +
                                "Mappningen pekar på ”Göteborgs högskola” för organisation, men det finns ingen sådan.");
        (await database.QueryAsync(DatabaseContents.CountsAsync)).ShouldBe(before);
    }

    [Theory, DatabaseProviders]
    public async Task A_dry_run_uses_the_mapping_for_its_preview_but_keeps_nothing(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, FirstEvent, SecondEvent, ThirdEvent);
        var before = await DatabaseSnapshot.TakeAsync(database);

        var preview = await ImportAsync(database, FirstEvent, KommunalAndGu(1), KommunAndGu, dryRun: true);

        (preview.DryRun, preview.BatchId, preview.RowsAccepted, preview.Unmapped.Count).ShouldBe((true, null, 4, 0));
        (await DatabaseSnapshot.TakeAsync(database)).ShouldEqual(before);
        (await ImportAsync(database, SecondEvent, KommunalAndGu(1))).Unmapped.Count.ShouldBe(2);
    }

    [Theory, DatabaseProviders]
    public async Task Creates_a_new_organisation_only_when_the_organiser_confirms_it(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, FirstEvent, SecondEvent, ThirdEvent);
        var list = ListOf(1, ("Näringsliv", "Exempelbyrån AB"), ("Civilsamhälle", "Okända föreningen"), ("", "556677-8899"), ("", "212000-0142"));
        var organisations = await database.QueryAsync(db => db.Organisations.CountAsync());

        var unconfirmed = await ImportAsync(database, FirstEvent, list);

        unconfirmed.NewOrganisations.ShouldBeEmpty();
        unconfirmed.ProposedOrganisations.ShouldBe(
        [
            new ProposedOrganisation("212000-0142", 1, null), new ProposedOrganisation("556677-8899", 1, "naringsliv"),
            new ProposedOrganisation("Exempelbyrån AB", 1, "naringsliv"), new ProposedOrganisation("Okända föreningen", 1, "civilsamhalle"),
        ], ignoreOrder: true);
        (await database.QueryAsync(db => db.Organisations.CountAsync())).ShouldBe(organisations);

        var confirmedOne = await ImportAsync(database, SecondEvent, list,
            ImportMapping.Parse("""{ "newOrganisations": { "Exempelbyrån AB": "naringsliv" } }"""));

        confirmedOne.NewOrganisations.ShouldBe(["Exempelbyrån AB"]);
        (await database.QueryAsync(db => db.Organisations.CountAsync())).ShouldBe(organisations + 1);

        var accepted = await ImportAsync(database, ThirdEvent, list, acceptNew: true);

        // The rows give Okända föreningen its sector and 556677-8899's first digit says business; a 2 says nothing for certain.
        accepted.NewOrganisations.ShouldBe(["Okända föreningen", "556677-8899"], ignoreOrder: true);
        accepted.ProposedOrganisations.ShouldBe([new ProposedOrganisation("212000-0142", 1, null)]);
        var created = await database.QueryAsync(db => db.Organisations.AsNoTracking().Where(o => o.Id > organisations).OrderBy(o => o.Id).ToListAsync());
        created.Select(o => (o.Name, o.SectorCode, o.Organisationsnummer)).ShouldBe(
        [
            ("Exempelbyrån AB", "naringsliv", null), ("Okända föreningen", "civilsamhalle", null), ("556677-8899", "naringsliv", "5566778899"),
        ]);
    }

    [Fact]
    public void A_mapping_survives_a_round_trip_through_its_json()
    {
        var mapping = ImportMapping.Parse("""
            { "columns": { "Arbetsgivare": "organisation", "Vad jobbar du med?": "Profession" },
              "values": { "sector": { "Kommunal verksamhet": "kommun" }, "organisation": { "GU": "Göteborgs universitet" } },
              "newOrganisations": { "Exempelbyrån AB": "naringsliv" } }
            """);

        var again = ImportMapping.Parse(mapping.ToJson());

        again.ToJson().ShouldBe(mapping.ToJson());
        (again.ColumnFor("arbetsgivare"), again.ColumnFor("Vad jobbar du med?")).ShouldBe((Question.Organisation, Question.Profession));
        (again.ValueFor(Question.Sector, "kommunal  verksamhet"), again.ValueFor(Question.Organisation, "gu")).ShouldBe(("kommun", "Göteborgs universitet"));
        again.NewOrganisationSector("Exempelbyrån AB").ShouldBe("naringsliv");
        mapping.ToJson().ShouldContain("Göteborgs universitet", Case.Sensitive, "å, ä and ö are written as themselves");
    }

    [Theory]
    [InlineData("""{ "columns": { "Arbetsgivare": "organisation", }""", "Mappningsfilen är inte giltig JSON (rad 1).")]
    [InlineData("""[ "sector" ]""", "Mappningsfilen är inte giltig JSON")]
    [InlineData("""{ "columns": { "Arbetsgivare": "arbetsgivare" } }""", "”arbetsgivare” är ingen fråga; välj sector, profession, organisation, municipality, role eller consent.")]
    [InlineData("""{ "columns": { "Arbetsgivare": "7" } }""", "”7” är ingen fråga")]
    [InlineData("""{ "values": { "yrke": { "Chef": "ledning" } } }""", "”yrke” är ingen fråga att mappa svar för.")]
    [InlineData("""{ "values": { "9": { "Chef": "ledning" } } }""", "”9” är ingen fråga att mappa svar för.")]
    [InlineData("""{ "values": { "sector": null } }""", "sector")]
    [InlineData("""{ "newOrganisations": { "Exempelbyrån AB": "foretag" } }""", "Sektorn ”foretag” för ”Exempelbyrån AB” finns inte; välj något av stat, region")]
    public void Refuses_a_mapping_file_with_a_mistake_in_a_sentence(string json, string sentence) =>
        Should.Throw<FormatException>(() => ImportMapping.Parse(json)).Message.ShouldContain(sentence);
}
