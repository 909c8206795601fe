using Analytics.Core.Audit;
using Analytics.Core.Consent;
using Analytics.Core.Participations;
using Analytics.Data;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using static Analytics.Ingest.Tests.CheckIn.CheckInTesting;

namespace Analytics.Ingest.Tests.CheckIn;

public class WithdrawalServiceTests
{
    [Theory, DatabaseProviders]
    public async Task The_receipts_code_removes_the_profile_marks_the_consent_withdrawn_raises_the_data_version_and_audits_counts_only(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();
        var mine = await Service(db).SubmitAsync(Slug, DeviceA, Consenting());
        await Service(db).SubmitAsync(Slug, DeviceB, Consenting());
        var before = await DataVersionAsync(db);
        var revision = await Revision.Reports.ReadAsync(db);

        var events = await Withdrawal(db).WithdrawAsync(mine.WithdrawalCode!.ToLowerInvariant().Replace("-", " "));

        events.ShouldBe([mine.EventId]);
        db.ChangeTracker.Clear();
        var rows = await db.Participations.OrderBy(p => p.Id).ToListAsync();
        var withdrawn = rows[0];
        (withdrawn.HasProfile, withdrawn.SectorCode, withdrawn.ProfessionCode, withdrawn.OrganisationId, withdrawn.MunicipalityCode)
            .ShouldBe((false, (string?)null, (string?)null, (int?)null, (string?)null));
        withdrawn.Attendance.ShouldBe(Attendance.Attended, "the visit still counts in the headcount");
        rows[1].HasProfile.ShouldBeTrue("another device's check-in is untouched");
        var consents = await db.ConsentRecords.OrderBy(c => c.Id).ToListAsync();
        consents[0].WithdrawnAtUtc.ShouldBe(During.GetUtcNow().UtcDateTime);
        consents[1].WithdrawnAtUtc.ShouldBeNull();
        (await DataVersionAsync(db)).ShouldBe(before + 1);
        (await Revision.Reports.ReadAsync(db)).ShouldNotBe(revision, "the version is raised around SaveChanges, so the pages are told so");

        var entry = await db.AuditEntries.SingleAsync();
        (entry.Actor, entry.Action, entry.Subject, entry.Detail).ShouldBe((AuditActors.Anonymous, AuditActions.ConsentWithdrawn, (string?)null, "participations=1, events=1"));
    }

    [Theory, DatabaseProviders]
    public async Task The_same_email_withdraws_the_check_in_and_an_imported_participation_with_the_same_key(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();
        await Service(db).SubmitAsync(Slug, DeviceA, Consenting("karin@example.se"));
        var eventId = await db.Events.Select(e => e.Id).SingleAsync();
        db.Participations.Add(new Participation
        {
            EventId = eventId, AttendeeKey = Keys.ForEmail("karin@example.se"), SourceKey = "k:imported", RoleCode = "deltagare", Channel = "forms",
            HasProfile = true, SectorCode = "kommun",
        });
        await db.SaveChangesAsync();

        (await Withdrawal(db).WithdrawAsync("KARIN@example.se")).ShouldBe([eventId]);

        db.ChangeTracker.Clear();
        (await db.Participations.CountAsync(p => p.HasProfile)).ShouldBe(0);
        (await db.Participations.CountAsync()).ShouldBe(2);
    }

    [Theory]
    [DatabaseProviders("ABCD-EFGH-JKMN-PQRS")]
    [DatabaseProviders("nobody@example.se")]
    [DatabaseProviders("https://www.meetup.com/members/999999/")]
    [DatabaseProviders("vad som helst")]
    public async Task An_unknown_identifier_changes_nothing_and_is_answered_like_any_other(string provider, string typed)
    {
        await using var database = await DatabaseAsync(provider);
        await using var db = database.Open();
        await Service(db).SubmitAsync(Slug, DeviceA, Consenting("karin@example.se"));
        var before = await DataVersionAsync(db);

        (await Withdrawal(db).WithdrawAsync(typed)).ShouldBeEmpty();

        db.ChangeTracker.Clear();
        (await db.Participations.SingleAsync()).HasProfile.ShouldBeTrue();
        (await db.ConsentRecords.SingleAsync()).WithdrawnAtUtc.ShouldBeNull();
        (await DataVersionAsync(db)).ShouldBe(before);
        (await db.AuditEntries.SingleAsync()).Detail.ShouldBe("participations=0, events=0", "the log cannot tell a miss from a hit by its presence");
    }

    [Fact]
    public void Codes_are_random_in_groups_of_four_and_read_leniently()
    {
        var code = WithdrawalCode.New();
        code.ShouldMatch("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$");
        WithdrawalCode.New().ShouldNotBe(code);
        WithdrawalCode.Hash(code.ToLowerInvariant().Replace('-', ' ')).ShouldBe(WithdrawalCode.Hash(code));
        WithdrawalCode.Hash("0O1I-L000-0000-0000").ShouldBe(WithdrawalCode.Hash("0011-1000-0000-0000"));
        WithdrawalCode.LooksLikeCode("someone@example.se").ShouldBeFalse();
    }
}
