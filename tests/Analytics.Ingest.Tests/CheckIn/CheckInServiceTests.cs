using System.Text;
using Analytics.Core.Consent;
using Analytics.Core.Participations;
using Analytics.Data;
using Analytics.Ingest.CheckIn;
using Analytics.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Analytics.Ingest.Tests.CheckIn.CheckInTesting;

namespace Analytics.Ingest.Tests.CheckIn;

public class CheckInServiceTests
{
    [Theory, DatabaseProviders]
    public async Task With_consent_the_profile_is_kept_with_a_consent_record_naming_the_text_version_language_channel_and_a_hashed_code(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();
        var before = await DataVersionAsync(db);
        var revision = await Revision.Reports.ReadAsync(db);

        var outcome = await Service(db).SubmitAsync(Slug, DeviceA, Consenting() with { Language = "en" });

        outcome.Status.ShouldBe(CheckInStatus.Saved);
        outcome.Replaced.ShouldBeFalse();
        outcome.WithdrawalCode.ShouldNotBeNull().ShouldMatch("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$");
        db.ChangeTracker.Clear();
        var p = await db.Participations.Include(x => x.Organisation).SingleAsync();
        (p.HasProfile, p.SectorCode, p.ProfessionCode, p.Organisation!.Name, p.MunicipalityCode, p.RoleCode)
            .ShouldBe((true, "kommun", "digitalisering-it", "Göteborgs Stad", "1480", "deltagare"));
        (p.Channel, p.Rsvp, p.Attendance, p.EventId).ShouldBe(("check-in", Rsvp.Yes, Attendance.Attended, outcome.EventId));
        p.AttendeeKey.ShouldNotBeNull().Length.ShouldBe(32);
        p.SourceKey.ShouldBe(CheckInService.DeviceSourceKey(DeviceA));
        p.SourceKey.ShouldNotContain(DeviceA, customMessage: "the cookie itself is not stored");
        var consent = await db.ConsentRecords.SingleAsync();
        (consent.AttendeeKey, consent.TextVersion, consent.Language, consent.Purposes, consent.Channel, consent.EventId, consent.GivenAtUtc)
            .ShouldBe((p.AttendeeKey!, "1", "en", ConsentPurposes.Statistics, "check-in", (int?)outcome.EventId, During.GetUtcNow().UtcDateTime));
        consent.WithdrawalCodeHash.ShouldBe(WithdrawalCode.Hash(outcome.WithdrawalCode!));
        (await DataVersionAsync(db)).ShouldBe(before + 1, "the event's reports become stale");
        (await Revision.Reports.ReadAsync(db)).ShouldNotBe(revision, "the version is raised around SaveChanges, so the pages are told so");
    }

    [Theory, DatabaseProviders]
    public async Task Without_consent_the_visit_is_a_bare_headcount_without_key_profile_consent_or_code(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();

        var outcome = await Service(db).SubmitAsync(Slug, DeviceA, Consenting("someone@example.se") with { Consent = false });

        outcome.Status.ShouldBe(CheckInStatus.Saved);
        outcome.WithdrawalCode.ShouldBeNull();
        var p = await db.Participations.SingleAsync();
        (p.HasProfile, p.AttendeeKey, p.SectorCode, p.ProfessionCode, p.OrganisationId, p.MunicipalityCode, p.Attendance)
            .ShouldBe((false, (string?)null, (string?)null, (string?)null, (int?)null, (string?)null, Attendance.Attended));
        (await db.ConsentRecords.CountAsync()).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task A_second_submission_from_the_same_device_replaces_the_first_and_another_device_adds_one(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();

        var first = await Service(db).SubmitAsync(Slug, DeviceA, Consenting());
        var second = await Service(db).SubmitAsync(Slug, DeviceA, Consenting() with { SectorCode = "region", OrganisationName = "Västra Götalandsregionen" });

        second.Replaced.ShouldBeTrue();
        second.WithdrawalCode.ShouldNotBe(first.WithdrawalCode);
        db.ChangeTracker.Clear();
        var only = await db.Participations.Include(x => x.Organisation).SingleAsync();
        (only.SectorCode, only.Organisation!.Name).ShouldBe(("region", "Västra Götalandsregionen"));
        (await db.ConsentRecords.SingleAsync()).WithdrawalCodeHash.ShouldBe(WithdrawalCode.Hash(second.WithdrawalCode!),
            "the first receipt's consent went with the first submission");

        var withoutConsent = await Service(db).SubmitAsync(Slug, DeviceA, Consenting() with { Consent = false });
        withoutConsent.Replaced.ShouldBeTrue();
        db.ChangeTracker.Clear();
        (await db.Participations.SingleAsync()).HasProfile.ShouldBeFalse();
        (await db.ConsentRecords.CountAsync()).ShouldBe(0);

        (await Service(db).SubmitAsync(Slug, DeviceB, Consenting())).Replaced.ShouldBeFalse();
        (await db.Participations.CountAsync()).ShouldBe(2);
    }

    [Theory]
    [DatabaseProviders(-121, "two hours before the start and a minute more")]
    [DatabaseProviders(60 * 6 + 1, "four hours after the end and a minute more")]
    public async Task Outside_the_window_the_form_is_closed_and_nothing_is_stored(string provider, int minutesAfterStart, string when)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();
        var clock = new FixedClock(Starts.AddMinutes(minutesAfterStart));

        (await Service(db, clock).FindAsync(Slug)).ShouldNotBeNull().IsOpen.ShouldBeFalse(when);
        (await Service(db, clock).SubmitAsync(Slug, DeviceA, Consenting())).Status.ShouldBe(CheckInStatus.Closed);
        (await db.Participations.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [DatabaseProviders(-120)]
    [DatabaseProviders(6 * 60)]
    public async Task The_window_includes_its_edges(string provider, int minutesAfterStart)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();
        (await Service(db, new FixedClock(Starts.AddMinutes(minutesAfterStart))).FindAsync(Slug))!.IsOpen.ShouldBeTrue();
    }

    [Theory, DatabaseProviders]
    public async Task An_unknown_organisation_name_an_unreadable_identifier_or_an_outdated_consent_text_is_refused(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();

        (await Service(db).SubmitAsync(Slug, DeviceA, Consenting() with { OrganisationName = "Hemliga byrån AB" })).Status.ShouldBe(CheckInStatus.UnknownOrganisation);
        (await Service(db).SubmitAsync(Slug, DeviceA, Consenting("inte en adress"))).Status.ShouldBe(CheckInStatus.UnknownIdentifier);
        (await Service(db).SubmitAsync(Slug, DeviceA, Consenting() with { ConsentVersion = "0" })).Status.ShouldBe(CheckInStatus.OldConsentText);
        (await db.Participations.CountAsync()).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task Another_organisation_stores_no_organisation_and_counts_its_sector(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();

        await Service(db).SubmitAsync(Slug, DeviceA, Consenting() with
        {
            SectorCode = null, OrganisationName = "Något fritt skrivet", OtherOrganisation = true, OtherOrganisationSectorCode = "civilsamhalle",
        });

        var p = await db.Participations.SingleAsync();
        (p.OrganisationId, p.UnmappedOrganisation, p.SectorCode).ShouldBe(((int?)null, (string?)null, "civilsamhalle"));
        (await DatabaseContents.TextAsync(db)).ShouldNotContain(v => v.Contains("fritt skrivet"));
    }

    [Theory, DatabaseProviders]
    public async Task An_email_gives_the_same_attendee_key_as_an_imported_list_and_a_meetup_profile_address_the_member_key(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();

        await Service(db).SubmitAsync(Slug, DeviceA, Consenting("  Karin.Lind@Example.se "));
        await Service(db).SubmitAsync(Slug, DeviceB, Consenting("https://www.meetup.com/members/4711/"));

        var keys = await db.Participations.OrderBy(p => p.Id).Select(p => p.AttendeeKey).ToListAsync();
        keys.ShouldBe([Keys.ForEmail("karin.lind@example.se"), Keys.ForMeetupMember("4711")]);
    }

    // SQLite only by design: it searches the bytes of the database file and its WAL, which only the embedded database
    // has; what reaches the rows on every provider is checked by the tests above.
    [Fact]
    public async Task No_email_typed_into_the_form_or_the_withdrawal_page_is_anywhere_in_the_sqlite_file()
    {
        const string email = "unik.deltagare.qx7@example.se";
        await using var database = await DatabaseAsync("sqlite");
        await using (var db = database.Open())
        {
            await Service(db).SubmitAsync(Slug, DeviceA, Consenting(email));
            await Service(db).SubmitAsync(Slug, DeviceB, Consenting(email.ToUpperInvariant()) with { Consent = false });
            await Withdrawal(db).WithdrawAsync(email);
            (await db.Participations.CountAsync()).ShouldBe(2, "the rows were written, so the test looks at a file that saw the e-mail");
        }
        SqliteConnection.ClearAllPools();

        var files = Directory.GetFiles(database.Settings.DataFolder);
        files.ShouldContain(f => f.EndsWith(".db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var form in new[] { email, email.ToUpperInvariant(), "unik.deltagare.qx7", "qx7@example" })
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
                    bytes.AsSpan().IndexOf(encoding.GetBytes(form)).ShouldBe(-1, $"{form} in {encoding.WebName} in {Path.GetFileName(file)}");
        }
    }
}
