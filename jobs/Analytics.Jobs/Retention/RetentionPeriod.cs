using System.Globalization;
using Analytics.Core.Audit;
using Analytics.Core.Settings;
using Analytics.Data;
using Analytics.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs.Retention;

/// <summary>
/// The retention period in force: what an admin set in the app (stored as the setting Retention:Months), or else the
/// deployment's configured default (<see cref="RetentionSettings"/>). Both keep to the same bounds.
/// </summary>
public sealed class RetentionPeriod(AnalyticsDbContext db, RetentionSettings configured, AuditLog audit, TimeProvider clock)
{
    public const string Key = "Retention:Months";

    public async Task<int> MonthsAsync(CancellationToken cancellationToken = default) =>
        await db.SystemSettings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken) is { } stored
        && int.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var months) && IsAllowed(months)
            ? months
            : configured.Months;

    public static bool IsAllowed(int months) => months is >= RetentionSettings.MinMonths and <= RetentionSettings.MaxMonths;

    /// <summary>Stores a new period and audits it; false, storing nothing, when it is outside the bounds.</summary>
    public async Task<bool> SetAsync(int months, string actor, CancellationToken cancellationToken = default)
    {
        if (!IsAllowed(months)) return false;
        var setting = await db.SystemSettings.SingleOrDefaultAsync(s => s.Key == Key, cancellationToken);
        if (setting is null) db.SystemSettings.Add(setting = new SystemSetting { Key = Key, Value = "" });
        setting.Value = months.ToString(CultureInfo.InvariantCulture);
        setting.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(actor, AuditActions.SettingChanged, Key, $"months={months}", cancellationToken);
        return true;
    }
}
