namespace Analytics.Core.Settings;

/// <summary>
/// A setting an admin changed in the app, overriding the deployment's configured default. Each setting checks its own
/// bounds before it is stored; the change itself goes to the audit log.
/// </summary>
public sealed class SystemSetting
{
    /// <summary>The setting's name, as in configuration (Retention:Months).</summary>
    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTime ChangedAtUtc { get; set; }
}
