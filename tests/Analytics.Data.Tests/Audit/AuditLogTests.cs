using Analytics.Core.Audit;
using Analytics.Data.Audit;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Tests.Audit;

public sealed class AuditLogTests
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory, DatabaseProviders]
    public async Task Keeps_who_did_what_to_what_and_when(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var when = new DateTimeOffset(2026, 11, 26, 21, 30, 0, TimeSpan.Zero);
        await using (var db = database.Open())
        {
            var log = new AuditLog(db, new At(when));
            await log.WriteAsync(AuditActors.System, AuditActions.RetentionPurged, detail: "removed=37");
            await log.WriteAsync("user-7", AuditActions.ExportDownloaded, "2026-03-23-forsta-motet");
        }

        await using var read = database.Open();
        var entries = await read.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        entries.Select(e => (e.Actor, e.Action, e.Subject, e.Detail)).ShouldBe(
        [
            ("system", "retention.purged", null, "removed=37"),
            ("user-7", "export.downloaded", "2026-03-23-forsta-motet", null),
        ]);
        entries.ShouldAllBe(e => e.AtUtc == when.UtcDateTime && e.AtUtc.Kind == DateTimeKind.Utc);
    }
}
