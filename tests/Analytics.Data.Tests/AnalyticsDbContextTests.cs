using Analytics.Core.Consent;
using Analytics.Core.Events;
using Analytics.Core.Organisations;
using Analytics.Core.Participations;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Tests;

public class AnalyticsDbContextTests
{
    private const string SpeakerKey = "39753425da29f408aa256fadac81cbc0";
    private const string ParticipantKey = "f3a81ba4d437461d4dfe74e2c6c93514";

    // 17:30 in Stockholm on a Monday in March, while Sweden is still on winter time (UTC+1).
    private static readonly DateTime StartsAt = Quarter.ToUtc(new DateTime(2026, 3, 23, 17, 30, 0));

    private static Event NewEvent(string slug) => new()
    {
        Slug = slug,
        Title = "Första mötet",
        StartsAtUtc = StartsAt,
        FormatCode = "traff",
        MunicipalityCode = "1480",
    };

    private static Participation NewParticipation(string sourceKey) => new()
    {
        RoleCode = RoleCodes.Participant,
        Channel = "meetup",
        SourceKey = sourceKey,
    };

    [Theory, DatabaseProviders]
    public async Task An_event_with_two_hosts_participations_and_consent_reads_back_as_written(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rsvpAt = new DateTime(2026, 3, 10, 8, 15, 30, DateTimeKind.Utc);
        var givenAt = new DateTime(2026, 3, 23, 16, 40, 0, DateTimeKind.Utc);
        int goteborgId;
        await using (var db = database.Open())
        {
            var goteborg = new Organisation
            {
                Name = "Göteborgs Stad", Organisationsnummer = "2120001355", SectorCode = "kommun", MunicipalityCode = "1480",
                IsHost = true, Aliases = "Göteborgs kommun|GBG",
            };
            var vgr = new Organisation { Name = "Västra Götalandsregionen", Organisationsnummer = "2321000131", SectorCode = "region", IsHost = true };
            db.Organisations.AddRange(goteborg, vgr);
            await db.SaveChangesAsync();
            goteborgId = goteborg.Id;

            var meetup = NewEvent("2026-03-23-forsta-motet");
            meetup.EndsAtUtc = StartsAt.AddHours(2);
            meetup.Capacity = 80;
            meetup.MeetupEventId = "312345678";
            meetup.Hosts = [new EventHost { Organisation = goteborg }, new EventHost { Organisation = vgr }];
            meetup.Participations =
            [
                new Participation
                {
                    AttendeeKey = SpeakerKey, RoleCode = RoleCodes.Speaker, Rsvp = Rsvp.Yes, RsvpAtUtc = rsvpAt,
                    Attendance = Attendance.Attended, HasProfile = true, SectorCode = "kommun", ProfessionCode = "design-ux",
                    OrganisationId = goteborg.Id, MunicipalityCode = "1480", Channel = "meetup", RecordKey = 0.734, SourceKey = "meetup:1",
                },
                new Participation
                {
                    AttendeeKey = ParticipantKey, RoleCode = RoleCodes.Participant, Rsvp = Rsvp.Waitlist, Attendance = Attendance.NoShow,
                    Guests = 2, Channel = "meetup", RecordKey = 0.125, SourceKey = "meetup:2",
                },
            ];
            db.Events.Add(meetup);
            db.ConsentRecords.AddRange(
                new ConsentRecord
                {
                    AttendeeKey = SpeakerKey, TextVersion = "2026-01", Language = "sv", Purposes = ConsentPurposes.Statistics | ConsentPurposes.FollowUp,
                    Channel = "checkin", GivenAtUtc = givenAt,
                },
                new ConsentRecord
                {
                    AttendeeKey = ParticipantKey, TextVersion = "2026-01", Language = "en", Purposes = ConsentPurposes.Statistics,
                    Channel = "meetup", GivenAtUtc = givenAt.AddDays(-20), WithdrawnAtUtc = givenAt,
                });
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            var meetup = await db.Events
                .Include(e => e.Hosts).ThenInclude(h => h.Organisation)
                .Include(e => e.Participations)
                .SingleAsync(e => e.Slug == "2026-03-23-forsta-motet");

            meetup.Title.ShouldBe("Första mötet");
            meetup.StartsAtUtc.ShouldBe(new DateTime(2026, 3, 23, 16, 30, 0));
            meetup.StartsAtUtc.Kind.ShouldBe(DateTimeKind.Utc);
            meetup.EndsAtUtc.ShouldBe(StartsAt.AddHours(2));
            meetup.EndsAtUtc!.Value.Kind.ShouldBe(DateTimeKind.Utc);
            meetup.Quarter.ShouldBe(new Quarter(2026, 1));
            (meetup.Capacity, meetup.MeetupEventId, meetup.MunicipalityCode).ShouldBe((80, "312345678", "1480"));

            meetup.Hosts.Select(h => h.Organisation!.Name).ShouldBe(["Göteborgs Stad", "Västra Götalandsregionen"], ignoreOrder: true);
            var goteborg = meetup.Hosts.Single(h => h.OrganisationId == goteborgId).Organisation!;
            (goteborg.Organisationsnummer, goteborg.SectorCode, goteborg.Aliases).ShouldBe(("2120001355", "kommun", "Göteborgs kommun|GBG"));

            var speaker = meetup.Participations.Single(p => p.SourceKey == "meetup:1");
            (speaker.AttendeeKey, speaker.RoleCode, speaker.Rsvp, speaker.Attendance).ShouldBe((SpeakerKey, RoleCodes.Speaker, Rsvp.Yes, Attendance.Attended));
            (speaker.HasProfile, speaker.SectorCode, speaker.ProfessionCode, speaker.OrganisationId, speaker.MunicipalityCode)
                .ShouldBe((true, "kommun", "design-ux", goteborgId, "1480"));
            speaker.RsvpAtUtc.ShouldBe(rsvpAt);
            speaker.RsvpAtUtc!.Value.Kind.ShouldBe(DateTimeKind.Utc);
            speaker.RecordKey.ShouldBe(0.734);

            var participant = meetup.Participations.Single(p => p.SourceKey == "meetup:2");
            (participant.Rsvp, participant.Attendance, participant.Guests, participant.RsvpAtUtc).ShouldBe((Rsvp.Waitlist, Attendance.NoShow, 2, (DateTime?)null));
            (participant.HasProfile, participant.SectorCode, participant.OrganisationId).ShouldBe((false, null, null));

            var consents = await db.ConsentRecords.OrderBy(c => c.GivenAtUtc).ToListAsync();
            consents.Select(c => (c.AttendeeKey, c.Language, c.Purposes)).ShouldBe([
                (ParticipantKey, "en", ConsentPurposes.Statistics),
                (SpeakerKey, "sv", ConsentPurposes.Statistics | ConsentPurposes.FollowUp),
            ]);
            consents[0].WithdrawnAtUtc.ShouldBe(givenAt);
            consents[0].WithdrawnAtUtc!.Value.Kind.ShouldBe(DateTimeKind.Utc);
            consents[1].GivenAtUtc.ShouldBe(givenAt);
            consents[1].GivenAtUtc.Kind.ShouldBe(DateTimeKind.Utc);
            consents[1].WithdrawnAtUtc.ShouldBeNull();
        }
    }

    [Theory, DatabaseProviders]
    public async Task Finds_the_events_of_a_quarter_by_its_UTC_bounds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var quarter = new Quarter(2026, 2);
        await using (var db = database.Open())
        {
            var lastInMarch = NewEvent("sista-i-mars");
            lastInMarch.StartsAtUtc = quarter.StartUtc.AddSeconds(-1);
            var firstInApril = NewEvent("forsta-i-april");
            firstInApril.StartsAtUtc = quarter.StartUtc;
            db.Events.AddRange(lastInMarch, firstInApril);
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            var slugs = await db.Events.Where(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc).Select(e => e.Slug).ToListAsync();

            slugs.ShouldBe(["forsta-i-april"]);
        }
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_second_event_with_the_same_slug(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            db.Events.Add(NewEvent("2026-03-23-forsta-motet"));
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            db.Events.Add(NewEvent("2026-03-23-forsta-motet"));
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_the_same_source_row_twice_in_one_event(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var meetup = NewEvent("2026-03-23-forsta-motet");
        meetup.Participations = [NewParticipation("meetup:1"), NewParticipation("meetup:1")];
        db.Events.Add(meetup);

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_participation_in_an_event_that_does_not_exist(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var orphan = NewParticipation("meetup:1");
        orphan.EventId = 4711;
        db.Participations.Add(orphan);

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, DatabaseProviders]
    public async Task Deleting_an_event_deletes_its_hosts_and_participations_but_not_the_organisations(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            var host = new Organisation { Name = "Skatteverket", Organisationsnummer = "2021005448", SectorCode = "stat" };
            var meetup = NewEvent("2026-03-23-forsta-motet");
            meetup.Hosts = [new EventHost { Organisation = host }];
            meetup.Participations = [NewParticipation("meetup:1"), NewParticipation("meetup:2")];
            db.Events.Add(meetup);
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            await db.Events.Where(e => e.Slug == "2026-03-23-forsta-motet").ExecuteDeleteAsync();

            (await db.EventHosts.CountAsync()).ShouldBe(0);
            (await db.Participations.CountAsync()).ShouldBe(0);
            (await db.Organisations.CountAsync()).ShouldBe(1);
        }
    }

    [Theory, DatabaseProviders]
    public async Task A_report_snapshot_keeps_a_payload_far_longer_than_ordinary_text(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var payload = $"{{\"cells\":[{string.Join(",", Enumerable.Range(0, 2000).Select(i => $"{{\"code\":\"c{i}\",\"count\":{i}}}"))}]}}";
        await using (var db = database.Open())
        {
            db.ReportSnapshots.Add(new ReportSnapshot
            {
                ScopeKind = ReportScope.QuarterKind, ScopeKey = "2026Q1", DataVersion = 3, ComputedAtUtc = StartsAt, Payload = payload,
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            var snapshot = await db.ReportSnapshots.SingleAsync();
            snapshot.Payload.Length.ShouldBe(payload.Length);
            snapshot.Payload.ShouldBe(payload);
            snapshot.ComputedAtUtc.Kind.ShouldBe(DateTimeKind.Utc);
        }
    }
}
