using Analytics.Core.Organisations;
using Analytics.Core.Privacy;
using Analytics.Data;
using Analytics.Ingest.Catalogue;
using Analytics.Ingest.Mapping;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Mapping;

/// <summary>
/// Imports keep the catalogue they read (organisations, categories) while the database's catalogue revision holds, and
/// read it again as soon as anyone saves a change to it.
/// </summary>
public sealed class CatalogueCacheTests
{
    private const string Slug = SampleData.FirstMeeting;
    private const string OrganisationQuestion = "Vilken organisation kommer du från?";
    private static readonly AttendeeKeyHasher Keys = new(new byte[32]);

    [Theory, DatabaseProviders]
    public async Task An_organisation_saved_between_two_imports_is_known_to_the_second_through_the_same_cache(string provider)
    {
        var cache = new CatalogueCache();
        await using var database = await DatabaseWithEventAsync(provider);
        (await ImportAsync(database, cache, "Kvarnby Designbyrå")).ShouldBe(null, "unknown at first");

        await using (var db = database.Open())
        {
            db.Organisations.Add(new Organisation { Name = "Kvarnby Designbyrå", SectorCode = "naringsliv" });
            await db.SaveChangesAsync();
        }

        (await ImportAsync(database, cache, "Kvarnby Designbyrå", version: 2)).ShouldBe("Kvarnby Designbyrå");
    }

    [Theory, DatabaseProviders]
    public async Task The_cache_holds_until_the_revision_changes(string provider)
    {
        var cache = new CatalogueCache();
        await using var database = await DatabaseWithEventAsync(provider);
        (await ImportAsync(database, cache, "GBG stad")).ShouldBe(null);

        // Changed behind EF's back, so the revision stays: the next import keeps the catalogue it read, which proves it
        // did not read the catalogue again. Only a new revision makes it.
        await using (var db = database.Open())
            await db.Organisations.Where(o => o.Name == "Göteborgs Stad").ExecuteUpdateAsync(o => o.SetProperty(x => x.Aliases, "GBG stad"));
        (await ImportAsync(database, cache, "GBG stad", version: 2)).ShouldBe(null, "held: the revision did not change");

        // Any change to the catalogue saved through EF renews it, here another organisation's alias.
        await using (var db = database.Open())
        {
            var other = await db.Organisations.OrderBy(o => o.Id).FirstAsync(o => o.Name != "Göteborgs Stad");
            other.Aliases = (other.Aliases is null ? "" : other.Aliases + "|") + "ett nytt alias";
            await db.SaveChangesAsync();
        }
        (await ImportAsync(database, cache, "GBG stad", version: 3)).ShouldBe("Göteborgs Stad");
    }

    [Theory, DatabaseProviders]
    public async Task Saving_organisations_categories_or_targets_renews_the_revision_and_saving_anything_else_does_not(string provider)
    {
        await using var database = await DatabaseWithEventAsync(provider);
        await using var db = database.Open();
        var migrated = await Revision.Catalogue.ReadAsync(db);
        migrated.ShouldNotBeNull("db migrate makes it");

        var ev = await db.Events.SingleAsync(e => e.Slug == Slug);
        ev.DataVersion++;
        await db.SaveChangesAsync();
        (await Revision.Catalogue.ReadAsync(db)).ShouldBe(migrated);

        var category = await db.TaxonomyCategories.FirstAsync(c => c.Dimension == "sector");
        category.Synonyms = (category.Synonyms is null ? "" : category.Synonyms + "|") + "ett nytt ord";
        await db.SaveChangesAsync();
        var afterCategory = await Revision.Catalogue.ReadAsync(db);
        afterCategory.ShouldNotBe(migrated);

        db.Organisations.Remove(await db.Organisations.OrderBy(o => o.Id).LastAsync());
        db.SaveChanges();
        var afterOrganisation = await Revision.Catalogue.ReadAsync(db);
        afterOrganisation.ShouldNotBe(afterCategory, "the synchronous save renews it too");

        db.TargetMixes.Add(new Analytics.Core.Targets.TargetMix { Dimension = "sector", Code = "kommun", Share = 0.3 });
        await db.SaveChangesAsync();
        (await Revision.Catalogue.ReadAsync(db)).ShouldNotBe(afterOrganisation, "targets feed every report too");
    }

    /// <summary>The sample database with the first meeting and the sample organisations, migrated as `db migrate` does.</summary>
    private static async Task<TestDatabase> DatabaseWithEventAsync(string provider)
    {
        var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await using (var organisations = File.OpenRead(SampleData.Organisations))
            (await new CatalogueImporter(db).ImportOrganisationsAsync(organisations)).Errors.ShouldBeEmpty();
        (await new EventCatalogue(db).SaveAsync(new EventDraft(Slug, "Första mötet", new DateTime(2026, 3, 23, 16, 0, 0)) { Hosts = ["Göteborgs Stad"] }))
            .ShouldBeEmpty();
        return database;
    }

    /// <summary>
    /// Imports the first meeting's list with <paramref name="answer"/> as the first consenting row's organisation (each
    /// <paramref name="version"/> a different file) and returns the organisation that row now points at.
    /// </summary>
    private static async Task<string?> ImportAsync(TestDatabase database, CatalogueCache cache, string answer, int version = 1)
    {
        var list = SampleCsv.Read(SampleData.FirstMeetingFile);
        var row = list.Rows.Select((r, i) => (Row: r, Index: i)).First(r => r.Row[^1] == "Ja").Index;
        var changed = list.WithCell(row, OrganisationQuestion, answer).WithCell(row, "Title", $"version {version}");
        await using (var db = database.Open())
        {
            var result = await new ImportService(db, Keys, FixedClock.SampleDay, cache).ImportAsync(new ImportRequest(changed.Stream(), $"{Slug}.csv", Slug, "test"));
            result.Refusal.ShouldBeNull();
        }
        var key = "k:" + Keys.ForMeetupMember(list.Rows[row][list.Column("User ID")].Replace("user ", ""));
        await using var read = database.Open();
        return await read.Participations.Where(p => p.SourceKey == key).Select(p => p.Organisation!.Name).SingleAsync();
    }
}
