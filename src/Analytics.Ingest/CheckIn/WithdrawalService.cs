using Analytics.Core.Audit;
using Analytics.Core.Consent;
using Analytics.Core.Privacy;
using Analytics.Data;
using Analytics.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.CheckIn;

/// <summary>
/// Withdraws consent by the receipt's code, or by the same e-mail or Meetup profile: the profile fields of every
/// participation of that attendee are removed and the consent records marked withdrawn. The caller learns only which
/// events changed (to recompute their reports), never whether anything was found, so the page can answer the same.
/// </summary>
public sealed class WithdrawalService(AnalyticsDbContext db, AttendeeKeyHasher keys, TimeProvider clock, AuditLog audit)
{
    /// <summary>The ids of the events whose data changed; their data versions are already raised.</summary>
    public async Task<IReadOnlyList<int>> WithdrawAsync(string typed, CancellationToken cancellationToken = default)
    {
        var attendeeKeys = await KeysAsync(typed.Trim(), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> events = [];
        var cleared = 0;
        if (attendeeKeys.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var participations = await db.Participations.Where(p => p.AttendeeKey != null && attendeeKeys.Contains(p.AttendeeKey) && p.HasProfile)
                .ToListAsync(cancellationToken);
            foreach (var p in participations)
            {
                p.HasProfile = false;
                p.SectorCode = p.ProfessionCode = p.MunicipalityCode = p.UnmappedOrganisation = null;
                p.OrganisationId = null;
            }
            cleared = participations.Count;
            events = [.. participations.Select(p => p.EventId).Distinct().Order()];
            await db.ConsentRecords.Where(c => attendeeKeys.Contains(c.AttendeeKey) && c.WithdrawnAtUtc == null)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.WithdrawnAtUtc, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (events.Count > 0)
            {
                await db.Events.Where(e => events.Contains(e.Id))
                    .ExecuteUpdateAsync(e => e.SetProperty(x => x.DataVersion, x => x.DataVersion + 1), cancellationToken);
                await Revision.Reports.RenewAsync(db, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        // Counts only: the log never holds the code, the e-mail or the key that would tie the entry to a person.
        await audit.WriteAsync(AuditActors.Anonymous, AuditActions.ConsentWithdrawn, null, $"participations={cleared}, events={events.Count}", cancellationToken);
        return events;
    }

    private async Task<List<string>> KeysAsync(string typed, CancellationToken cancellationToken)
    {
        if (typed.Length == 0) return [];
        if (WithdrawalCode.LooksLikeCode(typed))
        {
            var hash = WithdrawalCode.Hash(typed);
            return await db.ConsentRecords.Where(c => c.WithdrawalCodeHash == hash).Select(c => c.AttendeeKey).Distinct().ToListAsync(cancellationToken);
        }
        return AttendeeIdentifier.KeyOf(typed, keys) is { } key ? [key] : [];
    }
}
