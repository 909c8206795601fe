using Analytics.Core.Audit;

namespace Analytics.Data.Audit;

/// <summary>Writes audit entries. Each is saved at once, on its own, so a failing action still leaves its trace.</summary>
public sealed class AuditLog(AnalyticsDbContext db, TimeProvider clock)
{
    public async Task WriteAsync(string actor, string action, string? subject = null, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry { AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject, Detail = detail });
        await db.SaveChangesAsync(cancellationToken);
    }
}
