using Analytics.Core.Events;
using Analytics.Core.Organisations;
using Analytics.Core.Participations;
using Analytics.Core.Targets;
using Analytics.Core.Taxonomies;
using Analytics.Data;

namespace Analytics.Testing;

/// <summary>Organisations, events and participations written straight into a test database, without an import.</summary>
public sealed class ReportData(AnalyticsDbContext db)
{
    public async Task<Organisation> OrganisationAsync(string name, string sector)
    {
        var organisation = new Organisation { Name = name, SectorCode = sector };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    /// <summary>An event starting at a wall-clock time in Stockholm, hosted by the given organisations.</summary>
    public async Task<Event> EventAsync(string slug, DateTime startsInStockholm, params Organisation[] hosts)
    {
        var ev = new Event
        {
            Slug = slug, Title = slug, FormatCode = "traff", StartsAtUtc = Quarter.ToUtc(startsInStockholm),
            Hosts = [.. hosts.Select(h => new EventHost { OrganisationId = h.Id })],
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        return ev;
    }

    /// <summary>The share of one category the steering group aims for.</summary>
    public async Task TargetAsync(Dimension dimension, string code, double share, bool isExample = false)
    {
        db.TargetMixes.Add(new TargetMix { Dimension = dimension.Code(), Code = code, Share = share, IsExample = isExample });
        await db.SaveChangesAsync();
    }

    public async Task AddAsync(Event ev, params Someone[] people)
    {
        db.Participations.AddRange(people.Select(p => p.At(ev)));
        await db.SaveChangesAsync();
    }
}

/// <summary>One participation as a test describes it: a yes registration with unknown attendance and no profile, unless told.</summary>
public sealed record Someone
{
    private Someone(string? key) => Key = key;

    public string? Key { get; }
    public Rsvp Rsvp { get; init; } = Rsvp.Yes;
    public Attendance Attendance { get; init; }
    public int Guests { get; init; }
    public bool HasProfile { get; init; }
    public string? Sector { get; init; }
    public string? Profession { get; init; }
    public string? Municipality { get; init; }
    public int? OrganisationId { get; init; }
    public string? UnmappedOrganisation { get; init; }
    public string Role { get; init; } = RoleCodes.Participant;
    public double RecordKey { get; init; } = 0.5;

    /// <summary>A person known by an attendee key, so the same key at two events is the same person.</summary>
    public static Someone WithKey(string key) => new(key);

    /// <summary>A headcount with no attendee key: each one is a person of its own.</summary>
    public static Someone Anonymous() => new((string?)null);

    public Someone Attended() => this with { Attendance = Attendance.Attended };

    public Someone NoShow() => this with { Attendance = Attendance.NoShow };

    public Someone Declined() => this with { Rsvp = Rsvp.No };

    public Someone Waitlisted() => this with { Rsvp = Rsvp.Waitlist };

    public Someone Speaking() => this with { Role = RoleCodes.Speaker };

    public Someone Organising() => this with { Role = RoleCodes.Organiser };

    public Someone Bringing(int guests) => this with { Guests = guests };

    /// <summary>The row's record key of the cell-key method, fixed so a test can add up a cell's key by hand.</summary>
    public Someone WithRecordKey(double recordKey) => this with { RecordKey = recordKey };

    /// <summary>A consented profile in the given sector.</summary>
    public Someone In(string sector, string profession = "ovrigt", string municipality = "1480") =>
        this with { HasProfile = true, Sector = sector, Profession = profession, Municipality = municipality };

    public Someone From(Organisation organisation) => this with { HasProfile = true, OrganisationId = organisation.Id };

    public Someone FromUnmapped(string organisationAnswer) => this with { HasProfile = true, UnmappedOrganisation = organisationAnswer };

    public Participation At(Event ev) => new()
    {
        EventId = ev.Id,
        AttendeeKey = Key,
        SourceKey = Key is null ? $"row:{Guid.NewGuid():N}" : $"k:{Key}",
        RoleCode = Role,
        Rsvp = Rsvp,
        Attendance = Attendance,
        Guests = Guests,
        HasProfile = HasProfile,
        SectorCode = Sector,
        ProfessionCode = Profession,
        MunicipalityCode = Municipality,
        OrganisationId = OrganisationId,
        UnmappedOrganisation = UnmappedOrganisation,
        Channel = "test",
        RecordKey = RecordKey,
    };
}
