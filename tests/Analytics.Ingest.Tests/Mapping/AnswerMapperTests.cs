using Analytics.Core.Taxonomies;
using Analytics.Ingest.Catalogue;
using Analytics.Ingest.Mapping;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Mapping;

public class AnswerMapperTests
{
    /// <summary>A mapper over the seeded taxonomies and the sample organisation catalogue.</summary>
    private static async Task<AnswerMapper> MapperAsync(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await using (var organisations = File.OpenRead(SampleData.Organisations))
            await new CatalogueImporter(db).ImportOrganisationsAsync(organisations);
        var region = await db.Organisations.SingleAsync(o => o.Name == "Göteborgsregionen");
        region.Aliases = "GR|Göteborgsregionens kommunalförbund";
        await db.SaveChangesAsync();
        return await new CatalogueCache().MapperAsync(db);
    }

    [Theory, DatabaseProviders]
    public async Task Maps_answers_whatever_their_case_spacing_and_diacritics(string provider)
    {
        var mapper = await MapperAsync(provider);

        foreach (var (answer, code) in new[]
                 {
                     ("Naringsliv", "naringsliv"), ("Näringsliv", "naringsliv"), (" kommun ", "kommun"), ("KOMMUN", "kommun"),
                     ("region", "region"), ("Civilsamhalle", "civilsamhalle"),
                 })
            mapper.Category(Dimension.Sector, answer).ShouldBe(code, answer);
    }

    [Theory, DatabaseProviders]
    public async Task Maps_an_answer_written_A_slash_B_when_either_part_is_known(string provider)
    {
        var mapper = await MapperAsync(provider);

        mapper.Category(Dimension.Sector, "Näringsliv / företag").ShouldBe("naringsliv");
        mapper.Category(Dimension.Sector, "Akademi / universitet och högskola").ShouldBe("akademi");
        mapper.Category(Dimension.Profession, "Chef / ledning").ShouldBe("ledning");
        mapper.Category(Dimension.Profession, "Design / UX").ShouldBe("design-ux");
    }

    [Theory, DatabaseProviders]
    public async Task Maps_synonyms_and_names_in_either_language(string provider)
    {
        var mapper = await MapperAsync(provider);

        foreach (var (dimension, answer, code) in new[]
                 {
                     (Dimension.Sector, "Statlig myndighet", "stat"), (Dimension.Sector, "Universitet", "akademi"),
                     (Dimension.Sector, "Invånare", "medborgare"), (Dimension.Sector, "Kommunalt bolag", "kommunal-samverkan"),
                     (Dimension.Sector, "Civil society", "civilsamhalle"), (Dimension.Profession, "Projektledare", "projektledning"),
                     (Dimension.Profession, "Verksamhetsutvecklare", "verksamhetsutveckling"), (Dimension.Municipality, "Göteborg", "1480"),
                     (Dimension.Municipality, "Kungsbacka", "1384"), (Dimension.Role, "Arrangör", RoleCodes.Organiser),
                     (Dimension.Role, "Speaker", RoleCodes.Speaker),
                 })
            mapper.Category(dimension, answer).ShouldBe(code, $"{dimension}: {answer}");
    }

    [Theory, DatabaseProviders]
    public async Task Leaves_an_answer_it_does_not_know_unmapped(string provider)
    {
        var mapper = await MapperAsync(provider);

        foreach (var answer in new[] { "Kommunal verksamhet", "Regionen", "Vet ej", "" })
            mapper.Category(Dimension.Sector, answer).ShouldBeNull(answer);
        mapper.Category(Dimension.Profession, "Kommun").ShouldBeNull("a sector is no profession");
    }

    [Theory, DatabaseProviders]
    public async Task Finds_an_organisation_by_name_alias_or_organisationsnummer(string provider)
    {
        var mapper = await MapperAsync(provider);

        foreach (var answer in new[] { "Göteborgs Stad", "GÖTEBORGS STAD ", "goteborgs stad", "212000-1355", "2120001355", "16212000-1355" })
            mapper.Organisation(answer).ShouldNotBeNull(answer).Name.ShouldBe("Göteborgs Stad", answer);
        mapper.Organisation("GR").ShouldNotBeNull().Name.ShouldBe("Göteborgsregionen");
        mapper.Organisation("göteborgsregionens kommunalförbund").ShouldNotBeNull().Name.ShouldBe("Göteborgsregionen");
    }

    [Theory, DatabaseProviders]
    public async Task Finds_no_organisation_for_an_unknown_name_or_a_personnummer(string provider)
    {
        var mapper = await MapperAsync(provider);

        mapper.Organisation("Kvistbro Förändringsbyrå AB").ShouldBeNull();
        mapper.Organisation("811228-9874").ShouldBeNull();
        mapper.Organisation("").ShouldBeNull();
    }

    [Theory]
    [InlineData("Ja", true)]
    [InlineData("ja ", true)]
    [InlineData("Yes", true)]
    [InlineData("Ja, jag samtycker", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("Nej", false)]
    [InlineData("No", false)]
    [InlineData("Kanske", false)]
    public void Counts_only_an_explicit_yes_as_consent(string? answer, bool consented) =>
        AnswerMapper.Consented(answer).ShouldBe(consented);
}
