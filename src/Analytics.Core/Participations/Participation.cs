using Analytics.Core.Organisations;

namespace Analytics.Core.Participations;

/// <summary>
/// One person's relation to one event. The profile fields (sector, profession, organisation, municipality) are only set
/// when the person consented to statistics; without consent the row counts in headcounts and its profile is "not shared".
/// </summary>
public sealed class Participation
{
    public long Id { get; set; }
    public int EventId { get; set; }

    /// <summary>HMAC pseudonym of the person, or null for an anonymous headcount.</summary>
    public string? AttendeeKey { get; set; }
    public required string RoleCode { get; set; }
    public Rsvp Rsvp { get; set; }
    public DateTime? RsvpAtUtc { get; set; }
    public Attendance Attendance { get; set; }

    /// <summary>Guests brought along: headcount only, never part of a breakdown.</summary>
    public int Guests { get; set; }

    public bool HasProfile { get; set; }
    public string? SectorCode { get; set; }
    public string? ProfessionCode { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>An organisation answer that matched no known organisation yet, normalised; cleared once it is mapped.</summary>
    public string? UnmappedOrganisation { get; set; }
    public string? MunicipalityCode { get; set; }

    public required string Channel { get; set; }
    public int? ImportBatchId { get; set; }

    /// <summary>Fixed random number in [0, 1) drawn once per row: the record key of the cell-key method.</summary>
    public double RecordKey { get; set; }

    /// <summary>Identifies the row within its source so a re-import updates it instead of duplicating it.</summary>
    public required string SourceKey { get; set; }
}

public enum Rsvp
{
    Yes,
    No,
    Waitlist,
}

public enum Attendance
{
    Unknown,
    Attended,
    NoShow,
}
