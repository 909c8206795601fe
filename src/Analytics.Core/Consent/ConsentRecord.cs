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

    /// <summary>The event the consent was given at (check-in); null for consent given on an imported list.</summary>
    public int? EventId { get; set; }

    /// <summary>SHA-256 of the withdrawal code shown on the check-in receipt; the code itself is never stored.</summary>
    public string? WithdrawalCodeHash { get; set; }
}

[Flags]
public enum ConsentPurposes
{
    None = 0,
    Statistics = 1,
    FollowUp = 2,
}

/// <summary>Where a participation or a consent came from, besides the import kinds.</summary>
public static class ConsentChannels
{
    public const string CheckIn = "check-in";
}
