using Analytics.Core.Consent;
using Analytics.Core.Privacy;
using Analytics.Data;
using Analytics.Data.Audit;
using Analytics.Ingest.Catalogue;
using Analytics.Ingest.CheckIn;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.CheckIn;

/// <summary>A migrated database with the sample organisations and one event this evening, and the services on it.</summary>
internal static class CheckInTesting
{
    public const string Slug = "2026-11-26-kvallstraff-incheckning";

    /// <summary>17:00 in Stockholm on the sample day.</summary>
    public static readonly DateTimeOffset Starts = new(2026, 11, 26, 16, 0, 0, TimeSpan.Zero);

    /// <summary>Half an hour into the event: the form is open.</summary>
    public static readonly FixedClock During = new(Starts.AddMinutes(30));

    public static readonly AttendeeKeyHasher Keys = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static readonly string DeviceA = new('a', 32);
    public static readonly string DeviceB = new('b', 32);

    public static async Task<TestDatabase> DatabaseAsync(string provider = "sqlite")
    {
        var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await using (var organisations = File.OpenRead(SampleData.Organisations))
            (await new CatalogueImporter(db).ImportOrganisationsAsync(organisations)).Errors.ShouldBeEmpty();
        (await new EventCatalogue(db).SaveAsync(new EventDraft(Slug, "Kvällsträff med incheckning", new DateTime(2026, 11, 26, 17, 0, 0))
            { EndsLocal = new DateTime(2026, 11, 26, 19, 0, 0), Municipality = "1480" })).ShouldBeEmpty();
        return database;
    }

    public static CheckInService Service(AnalyticsDbContext db, TimeProvider? clock = null) =>
        new(db, Keys, clock ?? During, CheckInWindow.Default, new ConsentTexts(db, clock ?? During));

    public static WithdrawalService Withdrawal(AnalyticsDbContext db) => new(db, Keys, During, new AuditLog(db, During));

    public static CheckInAnswers Consenting(string? identifier = null) => new()
    {
        Consent = true, ConsentVersion = "1", SectorCode = "kommun", ProfessionCode = "digitalisering-it", OrganisationName = "Göteborgs Stad",
        MunicipalityCode = "1480", RoleCode = "deltagare", Identifier = identifier,
    };

    public static async Task<long> DataVersionAsync(AnalyticsDbContext db) =>
        await db.Events.Where(e => e.Slug == Slug).Select(e => e.DataVersion).SingleAsync();
}
