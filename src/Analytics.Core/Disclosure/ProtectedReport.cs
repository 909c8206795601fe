using System.Text.Json.Serialization;

namespace Analytics.Core.Disclosure;

/// <summary>
/// A report after disclosure control: the only form in which figures leave the system, for pages, charts, JSON, CSV,
/// Excel and the command line alike. Its JSON form is the documented report document. It can only be made by
/// <see cref="DisclosureControl"/>.
/// </summary>
public sealed class ProtectedReport
{
    internal ProtectedReport(ProtectedScope scope, int k, int? events, int? eventsWithAttendance, ProtectedParticipants participants,
        IReadOnlyDictionary<string, ProtectedBreakdown> dimensions, IReadOnlyDictionary<string, ProtectedSubset> subsets)
    {
        Scope = scope;
        K = k;
        Events = events;
        EventsWithAttendance = eventsWithAttendance;
        Participants = participants;
        Dimensions = dimensions;
        Subsets = subsets;
    }

    public ProtectedScope Scope { get; }
    public int K { get; }

    /// <summary>For a period: how many events, and how many of them had an attendance list (the rest count registrations).</summary>
    public int? Events { get; }
    public int? EventsWithAttendance { get; }
    public ProtectedParticipants Participants { get; }
    public IReadOnlyDictionary<string, ProtectedBreakdown> Dimensions { get; }

    /// <summary>Speakers, audience and registered (see <see cref="Reports.Subset"/>), each protected on its own.</summary>
    public IReadOnlyDictionary<string, ProtectedSubset> Subsets { get; }

    public ProtectedBreakdown? Dimension(string code) => Dimensions.GetValueOrDefault(code);

    public ProtectedSubset? Subset(string name) => Subsets.GetValueOrDefault(name);

    /// <summary>How a possibly suppressed count is written for people: the number, or "&lt;k".</summary>
    public string Show(int? count) => count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"<{K}";
}

public sealed record ProtectedScope(string Kind, string Key);

/// <summary>Headcounts; a count from 1 to k−1 is null, shown as "&lt;k".</summary>
public sealed record ProtectedParticipants(int? Registered, int? Attended, int? WithProfile)
{
    /// <summary>True when Attended is null because no attendance list exists, not because it was suppressed.</summary>
    [JsonIgnore]
    public bool AttendanceUnknown { get; init; }
}

/// <summary>One part of the people in scope: its headcounts (1..k−1 null) and its profile breakdowns.</summary>
public sealed record ProtectedSubset(int? Counted, int? WithProfile, IReadOnlyDictionary<string, ProtectedBreakdown> Dimensions);

public sealed class ProtectedBreakdown
{
    internal ProtectedBreakdown(int? total, double? effectiveNumber, double? blau, double? evenness,
        IReadOnlyList<ProtectedCell> cells, bool withheld, string note)
    {
        Total = total;
        EffectiveNumber = effectiveNumber;
        Blau = blau;
        Evenness = evenness;
        Cells = cells;
        Withheld = withheld;
        Note = note;
    }

    public int? Total { get; }
    public double? EffectiveNumber { get; }
    public double? Blau { get; }
    public double? Evenness { get; }
    public IReadOnlyList<ProtectedCell> Cells { get; }

    /// <summary>True when the whole breakdown is withheld; Note says why.</summary>
    public bool Withheld { get; }

    /// <summary>What was suppressed and why, in Swedish, for the method text beside every breakdown.</summary>
    public string Note { get; }
}

public sealed record ProtectedCell(string Code, string Label, int? Count, double? Share, bool Suppressed);
