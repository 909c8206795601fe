namespace Analytics.Core.Audit;

/// <summary>
/// One audited action: who did what, to what, and when. Subject and Detail carry ids and counts only, never profile
/// values, names or e-mail addresses, so the log itself needs no protection beyond access to it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The account's id, or <see cref="AuditActors.System"/> for jobs and <see cref="AuditActors.Anonymous"/> for public forms.</summary>
    public required string Actor { get; set; }

    /// <summary>What happened, one of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it happened to, by id: an event's slug, an import batch, an account id, a setting's name.</summary>
    public string? Subject { get; set; }

    /// <summary>Counts and outcomes ("rows=412", "removed=37"), never personal data.</summary>
    public string? Detail { get; set; }
}

public static class AuditActors
{
    public const string System = "system";
    public const string Anonymous = "anonymous";
}

/// <summary>The audited actions. One name per action, dot-separated by area.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LockedOut = "login.locked-out";
    public const string Logout = "logout";
    public const string ImportConfirmed = "import.confirmed";
    public const string ExportDownloaded = "export.downloaded";
    public const string UserCreated = "user.created";
    public const string UserChanged = "user.changed";
    public const string RoleChanged = "role.changed";
    public const string SettingChanged = "setting.changed";
    public const string ConsentWithdrawn = "consent.withdrawn";
    public const string RetentionPurged = "retention.purged";
    public const string TargetsChanged = "targets.changed";
    public const string ForecastTrainingRequested = "forecast.training-requested";
}
