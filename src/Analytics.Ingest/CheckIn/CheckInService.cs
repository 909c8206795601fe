using System.Security.Cryptography;
using System.Text;
using Analytics.Core.Consent;
using Analytics.Core.Participations;
using Analytics.Core.Privacy;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.CheckIn;

/// <summary>
/// The check-in at the door: one participation per device and event (a second submission replaces the first), the
/// profile only with consent, and a consent record with the text version, language and a hashed withdrawal code.
/// </summary>
public sealed class CheckInService(AnalyticsDbContext db, AttendeeKeyHasher keys, TimeProvider clock, CheckInWindow window, ConsentTexts texts)
{
    private const string DevicePrefix = "d:";

    public async Task<CheckInEvent?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug)
            .Select(e => new { e.Id, e.Slug, e.Title, e.StartsAtUtc, e.EndsAtUtc, e.PurgedAtUtc }).SingleOrDefaultAsync(cancellationToken);
        if (ev is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        return new CheckInEvent(ev.Id, ev.Slug, ev.Title, ev.StartsAtUtc, window.OpensAtUtc(ev.StartsAtUtc), window.ClosesAtUtc(ev.StartsAtUtc, ev.EndsAtUtc),
            ev.PurgedAtUtc is null && window.IsOpen(ev.StartsAtUtc, ev.EndsAtUtc, now));
    }

    public async Task<IReadOnlyList<OrganisationChoice>> OrganisationsAsync(CancellationToken cancellationToken = default) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OrganisationChoice(o.Id, o.Name, o.SectorCode))
            .ToListAsync(cancellationToken);

    /// <summary>A new random device key for the cookie: 128 bits, so it cannot be guessed.</summary>
    public static string NewDeviceKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsDeviceKey(string? value) => value is { Length: 32 } && value.All(Uri.IsHexDigit);

    /// <summary>
    /// What the database keeps for a device: a hash of the cookie, so a copy of the database cannot be turned into
    /// cookies that overwrite someone's check-in. The cookie is random, so a plain hash cannot be reversed.
    /// </summary>
    public static string DeviceSourceKey(string deviceKey) =>
        DevicePrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("device:" + deviceKey)).AsSpan(0, 16));

    public async Task<CheckInOutcome> SubmitAsync(string slug, string deviceKey, CheckInAnswers answers, CancellationToken cancellationToken = default)
    {
        if (!IsDeviceKey(deviceKey)) throw new ArgumentException("A device key is 32 hexadecimal characters.", nameof(deviceKey));
        var found = await FindAsync(slug, cancellationToken);
        if (found is null) return new CheckInOutcome(CheckInStatus.NotFound);
        if (!found.IsOpen) return new CheckInOutcome(CheckInStatus.Closed, found.Id);

        var text = await texts.CurrentAsync(cancellationToken);
        if (answers.Consent && answers.ConsentVersion != text.Version) return new CheckInOutcome(CheckInStatus.OldConsentText, found.Id);

        // Only with consent is the typed identifier used at all; without it the visit is a bare headcount.
        string? identifiedKey = null;
        if (answers.Consent && answers.Identifier is { Length: > 0 } typed && (identifiedKey = AttendeeIdentifier.KeyOf(typed, keys)) is null)
            return new CheckInOutcome(CheckInStatus.UnknownIdentifier, found.Id);

        // The organisation list is read only when a known organisation was named.
        var organisation = answers.OtherOrganisation || answers.OrganisationName is not { Length: > 0 } name ? null
            : (await OrganisationsAsync(cancellationToken)).FirstOrDefault(o => string.Equals(o.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (answers.Consent && !answers.OtherOrganisation && answers.OrganisationName is { Length: > 0 } && organisation is null)
            return new CheckInOutcome(CheckInStatus.UnknownOrganisation, found.Id);

        var sourceKey = DeviceSourceKey(deviceKey);
        var attendeeKey = answers.Consent ? identifiedKey ?? sourceKey[DevicePrefix.Length..] : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var code = answers.Consent ? WithdrawalCode.New() : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var participation = await db.Participations.SingleOrDefaultAsync(p => p.EventId == found.Id && p.SourceKey == sourceKey, cancellationToken);
        var replaced = participation is not null;
        if (participation is null)
        {
            participation = new Participation
            {
                EventId = found.Id, SourceKey = sourceKey, RoleCode = RoleCodes.Participant, Channel = ConsentChannels.CheckIn,
                RecordKey = Random.Shared.NextDouble(),
            };
            db.Participations.Add(participation);
        }
        else
        {
            // The earlier submission's consent goes with it; its withdrawal code no longer has anything to withdraw.
            await db.ConsentRecords.Where(c => c.EventId == found.Id && c.Channel == ConsentChannels.CheckIn && c.AttendeeKey == participation.AttendeeKey)
                .ExecuteDeleteAsync(cancellationToken);
        }

        participation.AttendeeKey = attendeeKey;
        participation.Rsvp = Rsvp.Yes;
        participation.RsvpAtUtc = now;
        participation.Attendance = Attendance.Attended;
        participation.Guests = 0;
        participation.RoleCode = Known(Taxonomy.Roles, answers.RoleCode) ?? RoleCodes.Participant;
        participation.HasProfile = answers.Consent;
        participation.UnmappedOrganisation = null;
        participation.OrganisationId = null;
        participation.SectorCode = participation.ProfessionCode = participation.MunicipalityCode = null;
        if (answers.Consent)
        {
            participation.ProfessionCode = Known(Taxonomy.Professions, answers.ProfessionCode);
            participation.MunicipalityCode = Known(Municipalities.All, answers.MunicipalityCode);
            participation.OrganisationId = organisation?.Id;
            // The person's sector if given; otherwise the sector of the organisation they chose or named.
            participation.SectorCode = Known(Taxonomy.Sectors, answers.SectorCode)
                ?? organisation?.SectorCode
                ?? (answers.OtherOrganisation ? Known(Taxonomy.Sectors, answers.OtherOrganisationSectorCode) : null);
            db.ConsentRecords.Add(new ConsentRecord
            {
                AttendeeKey = attendeeKey!, TextVersion = text.Version, Language = answers.Language == "en" ? "en" : "sv",
                Purposes = text.Purposes, Channel = ConsentChannels.CheckIn, GivenAtUtc = now, EventId = found.Id,
                WithdrawalCodeHash = WithdrawalCode.Hash(code!),
            });
        }
        await db.Events.Where(e => e.Id == found.Id).ExecuteUpdateAsync(e => e.SetProperty(x => x.DataVersion, x => x.DataVersion + 1), cancellationToken);
        await Revision.Reports.RenewAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CheckInOutcome(CheckInStatus.Saved, found.Id, replaced, code);
    }

    private static string? Known(IReadOnlyList<Category> categories, string? code) => Taxonomy.Find(categories, code)?.Code;
}
