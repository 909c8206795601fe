using Analytics.Core.Events;
using Analytics.Core.Organisations;
using Analytics.Core.Participations;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Tests;

public class RevisionTests
{
    [Theory, DatabaseProviders]
    public async Task Migrating_makes_each_revision_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();

        await Revision.EnsureAsync(db);
        var first = await ReadAsync(db);
        await Revision.EnsureAsync(db);

        first.ShouldAllBe(value => value != null);
        (await ReadAsync(db)).ShouldBe(first, "a second migrate neither adds nor renews");
        (await db.SystemSettings.CountAsync(s => s.Key.EndsWith(":revision"))).ShouldBe(Revision.All.Count);
    }

    [Theory, DatabaseProviders]
    public async Task Events_hosts_snapshots_and_forecasts_renew_the_reports_revision_the_catalogue_renews_both_and_participations_alone_neither(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await Revision.EnsureAsync(db);
        var organisation = new Organisation { Name = "Göteborgs Stad", SectorCode = "kommun" };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var ev = new Event { Slug = "mars", Title = "Mars", StartsAtUtc = new DateTime(2026, 3, 23, 16, 30, 0, DateTimeKind.Utc), FormatCode = "traff" };
        await ExpectAsync(db, () => db.Events.Add(ev), reports: true, catalogue: false);
        await ExpectAsync(db, () => ev.Title = "Marsträffen", reports: true, catalogue: false);
        await ExpectAsync(db, () => db.EventHosts.Add(new EventHost { EventId = ev.Id, OrganisationId = organisation.Id }), reports: true, catalogue: false);
        await ExpectAsync(db, () => db.ReportSnapshots.Add(new ReportSnapshot { ScopeKind = ReportScope.EventKind, ScopeKey = "mars", Payload = "{}", Revision = Guid.NewGuid() }),
            reports: true, catalogue: false);
        await ExpectAsync(db, () => db.ForecastSnapshots.Add(new Core.Forecasts.ForecastSnapshot { EventId = ev.Id, MadeAtUtc = DateTime.UtcNow, Payload = "{}" }),
            reports: true, catalogue: false);
        await ExpectAsync(db, () => organisation.Aliases = "GBG", reports: true, catalogue: true);
        // A participation is always saved with its event's version raised (the importer, the check-in), which renews it then.
        await ExpectAsync(db, () => db.Participations.Add(new Participation { EventId = ev.Id, RoleCode = RoleCodes.Participant, Channel = "meetup", SourceKey = "1" }),
            reports: false, catalogue: false);
        await ExpectAsync(db, () => ev.DataVersion++, reports: true, catalogue: false, synchronous: true);
        await ExpectAsync(db, () => db.Events.Remove(ev), reports: true, catalogue: false);
    }

    [Theory, DatabaseProviders]
    public async Task Renewing_by_hand_in_a_transaction_rolled_back_keeps_the_old_revision(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await Revision.EnsureAsync(db);
        var before = await Revision.Reports.ReadAsync(db);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Revision.Reports.RenewAsync(db);
            await transaction.RollbackAsync();
        }
        (await Revision.Reports.ReadAsync(db)).ShouldBe(before);

        await Revision.Reports.RenewAsync(db);
        (await Revision.Reports.ReadAsync(db)).ShouldNotBe(before);
    }

    private static async Task ExpectAsync(AnalyticsDbContext db, Action change, bool reports, bool catalogue, bool synchronous = false)
    {
        var before = await ReadAsync(db);
        change();
        if (synchronous) db.SaveChanges();
        else await db.SaveChangesAsync();
        var after = await ReadAsync(db);
        (after[0] != before[0]).ShouldBe(catalogue, "the catalogue revision");
        (after[1] != before[1]).ShouldBe(reports, "the reports revision");
    }

    private static async Task<string?[]> ReadAsync(AnalyticsDbContext db) =>
        [await Revision.Catalogue.ReadAsync(db), await Revision.Reports.ReadAsync(db)];
}
