using System.Globalization;
using System.Text;
using Analytics.Core.Imports;
using Analytics.Core.Participations;
using Analytics.Core.Privacy;
using Analytics.Data;
using Analytics.Ingest.Catalogue;
using Analytics.Ingest.Tests.Meetup;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests;

public class ImportServiceTests
{
    private const string FirstMeeting = SampleData.FirstMeeting;
    private const string LunchLecture = "2026-10-21-lunchforelasning-tillganglighet";
    private const string PlannedWorkshop = "2026-12-03-workshop-tjanstedesign-molndal";

    private static readonly AttendeeKeyHasher Keys = new(new byte[32]);

    /// <summary>The event as events.csv describes it, for <see cref="EventCatalogue"/>.</summary>
    private static EventDraft Draft(string slug)
    {
        var events = SampleCsv.Read(SampleData.File("events.csv"));
        var row = events.Rows.Single(r => r[events.Column("slug")] == slug);
        string Cell(string column) => row[events.Column(column)];
        return new EventDraft(slug, Cell("title"), DateTime.Parse(Cell("starts"), CultureInfo.InvariantCulture))
        {
            Format = Cell("format"),
            Municipality = Cell("municipality"),
            Hosts = Cell("hosts").Split(';'),
        };
    }

    /// <summary>A migrated database with the sample organisations and the given events, as an organiser would set it up.</summary>
    private static async Task<TestDatabase> DatabaseWithEventsAsync(string provider, params string[] slugs)
    {
        var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await using (var organisations = File.OpenRead(SampleData.Organisations))
            (await new CatalogueImporter(db).ImportOrganisationsAsync(organisations)).Errors.ShouldBeEmpty();
        foreach (var slug in slugs)
            (await new EventCatalogue(db).SaveAsync(Draft(slug))).ShouldBeEmpty();
        return database;
    }

    private static ImportRequest Request(string slug, Stream? content = null) =>
        new(content ?? File.OpenRead(SampleData.File("meetup", $"{slug}.csv")), $"{slug}.csv", slug, "test");

    private static async Task<ImportResult> ImportAsync(TestDatabase database, ImportRequest request, TimeProvider? clock = null)
    {
        await using var db = database.Open();
        await using var content = request.Content;
        return await new ImportService(db, Keys, clock ?? FixedClock.SampleDay, SharedCatalogue.Cache).ImportAsync(request);
    }

    private static async Task<T> QueryAsync<T>(TestDatabase database, Func<AnalyticsDbContext, Task<T>> query)
    {
        await using var db = database.Open();
        return await query(db);
    }

    private static Task<Dictionary<string, long>> CountsAsync(TestDatabase database) => QueryAsync(database, DatabaseContents.CountsAsync);

    private static Task<long> DataVersionAsync(TestDatabase database, string slug) =>
        QueryAsync(database, db => db.Events.Where(e => e.Slug == slug).Select(e => e.DataVersion).SingleAsync());

    private static Task<List<Participation>> ParticipationsAsync(TestDatabase database) =>
        QueryAsync(database, db => db.Participations.AsNoTracking().ToListAsync());

    [Theory, DatabaseProviders]
    public async Task Accounts_for_every_row_as_accepted_or_rejected(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);
        var dataRows = SampleCsv.Read(SampleData.FirstMeetingFile).Rows.Count;

        var result = await ImportAsync(database, Request(FirstMeeting));

        result.Refusal.ShouldBeNull();
        result.RowsRead.ShouldBe(dataRows);
        (result.RowsAccepted + result.RowsRejected).ShouldBe(dataRows);
        result.Errors.Count.ShouldBe(result.RowsRejected);
        (await QueryAsync(database, db => db.Participations.CountAsync())).ShouldBe(result.RowsAccepted);
        var batch = await QueryAsync(database, db => db.ImportBatches.Include(b => b.Errors).SingleAsync());
        (batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, batch.Errors.Count)
            .ShouldBe((dataRows, result.RowsAccepted, result.RowsRejected, result.RowsRejected));
    }

    [Theory, DatabaseProviders]
    public async Task Rejects_a_bad_or_repeated_row_by_its_row_number_and_imports_the_rest(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);
        var list = MeetupListFile.Newer(
            Attendee.Member("Anna Berg", 1) with { Attendance = "Y" },
            Attendee.Member("Bo Ek", 2) with { Rsvp = "Kanske" },
            Attendee.Member("Cia Lund", 3) with { Guests = "många" },
            Attendee.Member("Anna Berg", 1) with { Attendance = "Y" },
            Attendee.Member("Dan Ås", 4));

        var result = await ImportAsync(database, Request(FirstMeeting, list.Stream()) with { FileName = "lista.csv" });

        (result.RowsRead, result.RowsAccepted, result.RowsRejected, result.Status).ShouldBe((5, 2, 3, ImportStatus.CompletedWithErrors));
        result.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(3, "RSVP"), (4, "Guests"), (5, null)]);
        var batch = await QueryAsync(database, db => db.ImportBatches.Include(b => b.Errors).SingleAsync());
        batch.Errors.Select(e => (e.RowNumber, e.Reason)).OrderBy(e => e.RowNumber).ShouldBe(result.Errors.Select(e => (e.Row, e.Reason)));
        (await QueryAsync(database, db => db.Participations.CountAsync())).ShouldBe(2);
    }

    [Theory, DatabaseProviders]
    public async Task Stores_a_row_without_consent_with_no_profile_at_all(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);
        var list = SampleCsv.Read(SampleData.FirstMeetingFile);
        var consent = list.ColumnContaining("samtycker");

        await ImportAsync(database, Request(FirstMeeting));

        var participations = await ParticipationsAsync(database);
        var withoutConsent = participations.Where(p => !p.HasProfile).ToList();
        withoutConsent.Count.ShouldBe(list.Rows.Count(r => r[consent] == "Nej"));
        withoutConsent.ShouldAllBe(p => p.SectorCode == null && p.ProfessionCode == null && p.OrganisationId == null
                                        && p.UnmappedOrganisation == null && p.MunicipalityCode == null);
        participations.Count(p => p.HasProfile).ShouldBe(list.Rows.Count(r => r[consent] == "Ja"));
    }

    [Theory, DatabaseProviders]
    public async Task Stores_no_name_or_note_from_the_list_anywhere_in_the_database(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);
        var list = SampleCsv.Read(SampleData.FirstMeetingFile);
        string[] personal = [.. list.Values("Name"), .. list.Values("Notes").Where(n => n.Length > 0)];

        await ImportAsync(database, Request(FirstMeeting));

        var stored = await QueryAsync(database, DatabaseContents.TextAsync);
        stored.ShouldNotBeEmpty();
        foreach (var value in personal)
            stored.ShouldNotContain(s => s.Contains(value, StringComparison.OrdinalIgnoreCase), value);
    }

    [Theory, DatabaseProviders]
    public async Task Lists_each_answer_that_maps_to_nothing_with_how_often_it_occurs(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);

        var result = await ImportAsync(database, Request(FirstMeeting));

        result.Unmapped.ShouldContain(new UnmappedCount("sector", "Kommunal verksamhet", 7));
        var stored = await QueryAsync(database, db => db.UnmappedValues.SingleAsync(u => u.RawValue == "Kommunal verksamhet"));
        (stored.Column, stored.Count).ShouldBe(("sector", 7));
    }

    [Theory, DatabaseProviders]
    public async Task Importing_the_same_file_again_changes_nothing(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);
        var first = await ImportAsync(database, Request(FirstMeeting));
        var counts = await CountsAsync(database);
        var version = await DataVersionAsync(database, FirstMeeting);

        var again = await ImportAsync(database, Request(FirstMeeting));

        again.AlreadyImported.ShouldBeTrue();
        again.BatchId.ShouldBe(first.BatchId);
        (await CountsAsync(database)).ShouldBe(counts);
        (await DataVersionAsync(database, FirstMeeting)).ShouldBe(version);
    }

    [Theory, DatabaseProviders]
    public async Task Importing_an_updated_list_updates_the_participations_instead_of_duplicating_them(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);
        await ImportAsync(database, Request(FirstMeeting));
        var list = SampleCsv.Read(SampleData.FirstMeetingFile);
        var late = list.Rows.ToList().FindIndex(r => r[list.Column("RSVP")] == "Yes" && r[list.Column("Attendance")] == "");
        var lateKey = Keys.ForMeetupMember(list.Rows[late][list.Column("User ID")].Replace("user ", ""));
        var before = await ParticipationsAsync(database);
        var version = await DataVersionAsync(database, FirstMeeting);
        before.Single(p => p.AttendeeKey == lateKey).Attendance.ShouldBe(Attendance.NoShow);

        var result = await ImportAsync(database, Request(FirstMeeting, list.WithCell(late, "Attendance", "Y").Stream()));

        result.AlreadyImported.ShouldBeFalse();
        (result.Created, result.Updated).ShouldBe((0, result.RowsAccepted));
        var after = await ParticipationsAsync(database);
        after.Count.ShouldBe(before.Count);
        after.Single(p => p.AttendeeKey == lateKey).Attendance.ShouldBe(Attendance.Attended);
        after.Count(p => p.Attendance == Attendance.Attended).ShouldBe(before.Count(p => p.Attendance == Attendance.Attended) + 1);
        (await DataVersionAsync(database, FirstMeeting)).ShouldBeGreaterThan(version);
    }

    [Theory, DatabaseProviders]
    public async Task An_updated_list_moves_keeps_or_clears_each_rows_organisation_as_its_answer_now_says(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);
        await ImportAsync(database, Request(FirstMeeting));
        var list = SampleCsv.Read(SampleData.FirstMeetingFile);
        const string Organisation = "Vilken organisation kommer du från?";
        var consented = list.Rows.Select((r, i) => (Row: r, Index: i))
            .Where(r => r.Row[list.Column(Organisation)] == "Göteborgs Stad" && r.Row[^1] == "Ja").Select(r => r.Index).Take(4).ToList();
        consented.Count.ShouldBe(4);
        string KeyOf(int row) => Keys.ForMeetupMember(list.Rows[row][list.Column("User ID")].Replace("user ", ""));
        var organisations = await QueryAsync(database, db => db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id));
        var (moved, blanked, kept, renamed) = (consented[0], consented[1], consented[2], consented[3]);

        var updated = list.WithCell(moved, Organisation, "Västra Götalandsregionen").WithCell(blanked, Organisation, "")
            .WithCell(renamed, Organisation, "Föreningen Nybildad").WithCell(renamed, list.Header[list.ColumnContaining("sektor")], "Civilsamhälle");
        var result = await ImportAsync(database, Request(FirstMeeting, updated.Stream()) with { AcceptNewOrganisations = true });

        // The list's other unknown organisations with a sector (GR, Digg) are created too, as asked.
        result.NewOrganisations.ShouldContain("Föreningen Nybildad");
        var after = (await ParticipationsAsync(database)).ToDictionary(p => p.AttendeeKey ?? p.SourceKey);
        var created = await QueryAsync(database, db => db.Organisations.SingleAsync(o => o.Name == "Föreningen Nybildad"));
        after[KeyOf(moved)].OrganisationId.ShouldBe(organisations["Västra Götalandsregionen"]);
        after[KeyOf(blanked)].OrganisationId.ShouldBeNull();
        after[KeyOf(kept)].OrganisationId.ShouldBe(organisations["Göteborgs Stad"]);
        after[KeyOf(renamed)].OrganisationId.ShouldBe(created.Id);
        (await QueryAsync(database, db => db.Organisations.CountAsync())).ShouldBe(organisations.Count + result.NewOrganisations.Count);
    }

    [Theory, DatabaseProviders]
    public async Task A_dry_run_reads_the_file_but_changes_nothing(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);
        var counts = await CountsAsync(database);
        var version = await DataVersionAsync(database, FirstMeeting);

        var result = await ImportAsync(database, Request(FirstMeeting) with { DryRun = true });

        (result.DryRun, result.BatchId).ShouldBe((true, null));
        result.RowsAccepted.ShouldBe(SampleCsv.Read(SampleData.FirstMeetingFile).Rows.Count);
        (await CountsAsync(database)).ShouldBe(counts);
        (await DataVersionAsync(database, FirstMeeting)).ShouldBe(version);
        (await ImportAsync(database, Request(FirstMeeting))).AlreadyImported.ShouldBeFalse();
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_an_unknown_event_with_a_sentence_saying_how_to_create_it(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider);
        var counts = await CountsAsync(database);

        var result = await ImportAsync(database, Request(FirstMeeting));

        result.Status.ShouldBe(ImportStatus.Rejected);
        result.Refusal.ShouldNotBeNull();
        result.Refusal.ShouldContain($"Evenemanget ”{FirstMeeting}” finns inte.");
        result.Refusal.ShouldContain($"analytics events add {FirstMeeting}");
        (await CountsAsync(database)).ShouldBe(counts);
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_file_whose_columns_it_does_not_recognise_naming_the_first_header_cells(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);
        var counts = await CountsAsync(database);
        var file = new MemoryStream(Encoding.UTF8.GetBytes("Förnamn;Efternamn;Favoritfärg\nAnna;Berg;Blå\n"));

        var result = await ImportAsync(database, Request(FirstMeeting, file) with { FileName = "lista.csv" });

        result.Status.ShouldBe(ImportStatus.Rejected);
        result.Refusal.ShouldNotBeNull();
        result.Refusal.ShouldContain("lista.csv");
        result.Refusal.ShouldContain("Förnamn, Efternamn, Favoritfärg");
        (await CountsAsync(database)).ShouldBe(counts);
    }

    [Theory, DatabaseProviders]
    public async Task Lists_an_unknown_organisation_as_unmapped_unless_asked_to_create_it(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, LunchLecture);

        var result = await ImportAsync(database, Request(LunchLecture));

        result.Unmapped.ShouldContain(new UnmappedCount("organisation", "Föreningen Hallonbacken Invånarråd", 1));
        result.NewOrganisations.ShouldBeEmpty();
        (await QueryAsync(database, db => db.Organisations.AnyAsync(o => o.Name == "Föreningen Hallonbacken Invånarråd"))).ShouldBeFalse();
        (await ParticipationsAsync(database)).ShouldContain(p => p.UnmappedOrganisation == "foreningen hallonbacken invanarrad");
    }

    [Theory, DatabaseProviders]
    public async Task Creates_unknown_organisations_with_the_sector_the_rows_give_when_asked(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, LunchLecture);

        var result = await ImportAsync(database, Request(LunchLecture) with { AcceptNewOrganisations = true });

        result.NewOrganisations.ShouldContain("Föreningen Hallonbacken Invånarråd");
        result.NewOrganisations.ShouldNotContain("Tångudden Tjänstedesign", "its only row gave no consent, so its answers are not used");
        result.Unmapped.ShouldNotContain(u => u.Column == "organisation");
        var created = await QueryAsync(database, db => db.Organisations.SingleAsync(o => o.Name == "Föreningen Hallonbacken Invånarråd"));
        (created.SectorCode, created.MunicipalityCode).ShouldBe(("civilsamhalle", "1490"));
        (await ParticipationsAsync(database)).Count(p => p.OrganisationId == created.Id).ShouldBe(1);
        (await QueryAsync(database, db => db.Organisations.AnyAsync(o => o.Name == "Tångudden Tjänstedesign"))).ShouldBeFalse();
    }

    [Theory, DatabaseProviders]
    public async Task Marks_yes_registrations_without_attendance_as_no_shows_once_the_event_is_held(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting);
        var list = SampleCsv.Read(SampleData.FirstMeetingFile);
        var attended = list.Values("Attendance").Count(a => a == "Y");
        var registered = list.Values("RSVP").Count(r => r == "Yes");

        await ImportAsync(database, Request(FirstMeeting));

        var participations = await ParticipationsAsync(database);
        participations.Count(p => p.Attendance == Attendance.Attended).ShouldBe(attended);
        participations.Count(p => p.Attendance == Attendance.NoShow).ShouldBe(registered - attended);
        participations.Where(p => p.Rsvp != Rsvp.Yes).ShouldAllBe(p => p.Attendance == Attendance.Unknown);
    }

    [Theory, DatabaseProviders]
    public async Task Leaves_attendance_unknown_for_a_planned_event(string provider)
    {
        await using var database = await DatabaseWithEventsAsync(provider, FirstMeeting, PlannedWorkshop);
        var weekBefore = new FixedClock(new DateTimeOffset(2026, 3, 16, 12, 0, 0, TimeSpan.Zero));
        var list = SampleCsv.Read(SampleData.FirstMeetingFile);

        await ImportAsync(database, Request(FirstMeeting), weekBefore);
        await ImportAsync(database, Request(PlannedWorkshop));

        var participations = await ParticipationsAsync(database);
        participations.ShouldNotContain(p => p.Attendance == Attendance.NoShow);
        participations.Count(p => p.Attendance == Attendance.Unknown)
            .ShouldBe(list.Values("Attendance").Count(a => a != "Y") + SampleCsv.Read(SampleData.File("meetup", $"{PlannedWorkshop}.csv")).Rows.Count);
    }

    [Theory, DatabaseProviders]
    public async Task Imports_a_forms_export_as_check_ins(string provider)
    {
        const string workshop = "2026-10-08-workshop-invanarresan";
        await using var database = await DatabaseWithEventsAsync(provider, workshop);
        var file = SampleData.File("forms", $"{workshop}.xlsx");

        var result = await ImportAsync(database, new ImportRequest(File.OpenRead(file), Path.GetFileName(file), workshop, "test"));

        (result.Kind, result.RowsRejected).ShouldBe(("forms", 0));
        var participations = await ParticipationsAsync(database);
        participations.Count.ShouldBe(result.RowsRead);
        participations.ShouldAllBe(p => p.Attendance == Attendance.Attended && p.Channel == "forms");
    }
}
