using Analytics.Core.Organisations;
using Analytics.Core.Participations;

namespace Analytics.Core.Events;

/// <summary>A meetup, network meeting, lecture, workshop or conference.</summary>
public sealed class Event
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>Stored in UTC; shown in Stockholm time.</summary>
    public DateTime StartsAtUtc { get; set; }
    public DateTime? EndsAtUtc { get; set; }
    public required string FormatCode { get; set; }

    /// <summary>SCB kommunkod where the event takes place; null when it is online only.</summary>
    public string? MunicipalityCode { get; set; }
    public bool Online { get; set; }
    public int? Capacity { get; set; }
    public string? MeetupEventId { get; set; }

    /// <summary>Raised on every change to the event's participations, so snapshots can tell they are stale.</summary>
    public long DataVersion { get; set; }

    /// <summary>
    /// When retention removed the event's per-person rows. From then on the snapshots of every scope containing the event
    /// are frozen: recomputing them would count the removed rows as zero.
    /// </summary>
    public DateTime? PurgedAtUtc { get; set; }

    public List<EventHost> Hosts { get; set; } = [];
    public List<Participation> Participations { get; set; } = [];

    public Quarter Quarter => Quarter.Containing(StartsAtUtc);

    public bool IsHeldBy(DateTime nowUtc) => StartsAtUtc <= nowUtc;
}

/// <summary>One organisation hosting one event; co-hosting across organisations is itself cross-boundary work.</summary>
public sealed class EventHost
{
    public int EventId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}
