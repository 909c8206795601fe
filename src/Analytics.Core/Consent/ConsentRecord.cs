namespace Analytics.Core.Consent;

/// <summary>What a person agreed to, in which text version and language, through which channel, and when.</summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }
    public required string AttendeeKey { get; set; }
    public required string TextVersion { get; set; }
    public required string Language { get; set; }
    public ConsentPurposes Purposes { get; set; }
    public required string Channel { get; set; }
    public DateTime GivenAtUtc { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }
}

[Flags]
public enum ConsentPurposes
{
    None = 0,
    Statistics = 1,
    FollowUp = 2,
}
