using System.Text;
using Analytics.Core.Participations;
using Analytics.Ingest.Tests.Meetup;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Robustness;

public class ReimportTests
{
    private const string FirstMeeting = SampleData.FirstMeeting;
    private const string PlannedWorkshop = "2026-12-03-workshop-tjanstedesign-molndal";

    private static async Task ImportEverySampleListAsync(TestDatabase database, Func<string, byte[]> content)
    {
        foreach (var path in SampleDatabase.MeetupLists)
        {
            var result = await database.ImportAsync(SampleDatabase.SlugOf(path), Path.GetFileName(path), content(path));
            result.Refusal.ShouldBeNull(path);
        }
    }

    /// <summary>The same list as its own bytes would not be: UTF-8 with a byte order mark and Windows line endings.</summary>
    private static byte[] SavedAgainDifferently(string path) =>
        [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(File.ReadAllText(path, Encoding.UTF8).Replace("\n", "\r\n"))];

    private static Task<List<Participation>> ParticipationsAsync(TestDatabase database, string slug) =>
        database.QueryAsync(db => db.Participations.AsNoTracking().Where(p => db.Events.Any(e => e.Id == p.EventId && e.Slug == slug)).ToListAsync());

    [Theory, DatabaseProviders]
    public async Task Importing_every_sample_list_a_second_time_leaves_every_table_exactly_as_it_was(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider);
        await ImportEverySampleListAsync(database, File.ReadAllBytes);
        var first = await DatabaseSnapshot.TakeAsync(database);
        first.Rows("Participations").Count.ShouldBeGreaterThan(1000);

        await ImportEverySampleListAsync(database, File.ReadAllBytes);

        (await DatabaseSnapshot.TakeAsync(database)).ShouldEqual(first);
    }

    [Theory, DatabaseProviders]
    public async Task Importing_every_sample_list_again_saved_differently_changes_no_participation_consent_or_organisation(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider);
        await ImportEverySampleListAsync(database, File.ReadAllBytes);
        // A new file is a new batch, and a new batch is a new data version of its event (which renews the reports
        // revision); nothing else may change.
        string[] ignoring = ["ImportBatches", "ImportRowErrors", "UnmappedValues", "Participations.ImportBatchId", "Events.DataVersion",
            "SystemSettings.Value", "SystemSettings.ChangedAtUtc"];
        var first = await DatabaseSnapshot.TakeAsync(database, ignoring);
        var batches = await database.QueryAsync(db => db.ImportBatches.Include(b => b.Errors).Include(b => b.UnmappedValues).AsNoTracking().ToListAsync());

        await ImportEverySampleListAsync(database, SavedAgainDifferently);

        (await DatabaseSnapshot.TakeAsync(database, ignoring)).ShouldEqual(first);
        var again = await database.QueryAsync(db => db.ImportBatches.Include(b => b.Errors).Include(b => b.UnmappedValues).AsNoTracking()
            .Where(b => !batches.Select(f => f.Id).Contains(b.Id)).ToListAsync());
        again.Count.ShouldBe(batches.Count);
        foreach (var batch in again)
        {
            var earlier = batches.Single(b => b.EventId == batch.EventId);
            (batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, batch.Status)
                .ShouldBe((earlier.RowsRead, earlier.RowsAccepted, earlier.RowsRejected, earlier.Status), batch.FileName);
            batch.Errors.Select(e => (e.RowNumber, e.Column, e.Reason)).Order()
                .ShouldBe(earlier.Errors.Select(e => (e.RowNumber, e.Column, e.Reason)).Order());
            batch.UnmappedValues.Select(u => (u.Column, u.RawValue, u.Count)).Order()
                .ShouldBe(earlier.UnmappedValues.Select(u => (u.Column, u.RawValue, u.Count)).Order());
        }
    }

    [Theory, DatabaseProviders]
    public async Task An_updated_list_updates_each_person_by_attendee_key_and_duplicates_no_one(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, FirstMeeting);
        var list = SampleCsv.Read(SampleData.FirstMeetingFile);
        var first = await database.ImportSampleAsync(SampleData.FirstMeetingFile);
        var before = await ParticipationsAsync(database, FirstMeeting);
        int Find(Func<string[], bool> match) => list.Rows.ToList().FindIndex(r => match(r));
        var late = Find(r => r[list.Column("RSVP")] == "Yes" && r[list.Column("Attendance")] == "" && r[list.ColumnContaining("samtycker")] == "Ja");
        var changed = Find(r => r[list.ColumnContaining("sektor")] == "Region" && r[list.ColumnContaining("samtycker")] == "Ja");
        string KeyOf(string[] row) => SampleDatabase.Keys.ForMeetupMember(row[list.Column("User ID")].Replace("user ", ""));
        var newcomers = Enumerable.Range(1, 3).Select(i =>
        {
            var row = list.Rows[changed].ToArray();
            row[list.Column("Name")] = $"Nykomling {i}";
            row[list.Column("User ID")] = $"user {555000 + i}";
            row[list.Column("URL of Member Profile")] = $"https://www.meetup.com/members/{555000 + i}/";
            row[list.Column("Attendance")] = "";
            return row;
        }).ToList();
        var updated = list.WithCell(late, "Attendance", "Y").WithCell(changed, list.Header[list.ColumnContaining("sektor")], "Stat / statlig myndighet");
        updated = updated with { Rows = [.. updated.Rows, .. newcomers] };

        var result = await database.ImportAsync(FirstMeeting, "forsta-motet-uppdaterad.csv", Encoding.UTF8.GetBytes(updated.Text()));

        (result.RowsRead, result.Created, result.Updated, result.RowsRejected).ShouldBe((first.RowsRead + 3, 3, first.RowsAccepted, 0));
        var after = await ParticipationsAsync(database, FirstMeeting);
        after.Count.ShouldBe(before.Count + 3);
        after.GroupBy(p => p.AttendeeKey).ShouldAllBe(g => g.Count() == 1);
        var (lateKey, changedKey) = (KeyOf(list.Rows[late]), KeyOf(list.Rows[changed]));
        after.Single(p => p.AttendeeKey == lateKey).Attendance.ShouldBe(Attendance.Attended);
        after.Single(p => p.AttendeeKey == changedKey).SectorCode.ShouldBe("stat");
        before.Single(p => p.AttendeeKey == changedKey).SectorCode.ShouldBe("region");
        foreach (var key in newcomers.Select(KeyOf))
            after.ShouldContain(p => p.AttendeeKey == key && p.SectorCode == "region");
        var untouched = before.Where(p => p.AttendeeKey != lateKey && p.AttendeeKey != changedKey).ToList();
        after.Where(p => untouched.Any(u => u.Id == p.Id)).Select(p => (p.Id, p.Attendance, p.SectorCode, p.OrganisationId, p.HasProfile, p.RecordKey))
            .OrderBy(p => p.Id).ShouldBe(untouched.Select(p => (p.Id, p.Attendance, p.SectorCode, p.OrganisationId, p.HasProfile, p.RecordKey)).OrderBy(p => p.Id));
        (await database.QueryAsync(db => db.ConsentRecords.GroupBy(c => c.AttendeeKey).CountAsync(g => g.Count() > 1))).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task A_list_without_person_identifiers_replaces_its_anonymous_rows_as_a_set_when_imported_again(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, PlannedWorkshop);
        Attendee[] known = [Attendee.Member("Anna Berg", 71001), Attendee.Member("Bo Ek", 71002)];
        Attendee[] Anonymous(int count, string tag) => [.. Enumerable.Range(1, count).Select(i => new Attendee($"Gäst {tag}{i}") { Sector = i % 2 == 0 ? "Region" : "Kommun" })];

        var first = await database.ImportAsync(PlannedWorkshop, "anmalningar.csv",
            Encoding.UTF8.GetBytes(MeetupListFile.Newer([.. known, .. Anonymous(5, "a")]).Text()));
        var second = await database.ImportAsync(PlannedWorkshop, "anmalningar-uppdaterad.csv",
            Encoding.UTF8.GetBytes(MeetupListFile.Newer([.. Anonymous(6, "b"), known[1] with { Rsvp = "No" }, known[0]]).Text()));

        (first.Created, first.Replaced).ShouldBe((7, 0));
        (second.Created, second.Updated, second.Replaced).ShouldBe((6, 2, 5));
        var participations = await ParticipationsAsync(database, PlannedWorkshop);
        participations.Count.ShouldBe(8);
        participations.Count(p => p.AttendeeKey is null && p.SourceKey.StartsWith("row:", StringComparison.Ordinal)).ShouldBe(6);
        participations.Single(p => p.AttendeeKey == SampleDatabase.Keys.ForMeetupMember("71002")).Rsvp.ShouldBe(Rsvp.No);
        participations.Select(p => p.SourceKey).ShouldBeUnique();
    }

    [Theory, DatabaseProviders]
    public async Task A_meetup_pro_export_imported_again_in_updated_form_replaces_its_rows_as_a_set(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, FixtureFiles.EventSlug);
        await database.AddFixtureEventAsync();
        var export = FixtureFiles.Named("meetup-pro-registreringar.csv");
        var rows = export.People.Count;
        const string newcomer = "\"2026-09-30T08:00:00.000Z\",\"One Team Gov Västsverige\",\"" + FixtureFiles.EventTitle
                                + "\",\"Ny\",\"Anmäld\",\"Borås Stad\",\"Kommun\",\"Projektledare\",\"Borås\",\"Ja\"\n";

        var first = await database.ImportAsync(FixtureFiles.EventSlug, export.FileName, export.Bytes);
        var updated = await database.ImportAsync(FixtureFiles.EventSlug, export.FileName, [.. export.Bytes, .. Encoding.UTF8.GetBytes(newcomer)]);

        (first.Kind, first.Created, first.Replaced).ShouldBe(("meetup-pro", rows, 0));
        (updated.Created, updated.Updated, updated.Replaced).ShouldBe((rows + 1, 0, rows));
        var participations = await ParticipationsAsync(database, FixtureFiles.EventSlug);
        participations.Count.ShouldBe(rows + 1);
        participations.ShouldAllBe(p => p.AttendeeKey == null && p.Channel == "meetup-pro" && p.ImportBatchId == updated.BatchId);
    }
}
