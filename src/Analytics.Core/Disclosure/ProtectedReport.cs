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
        IReadOnlyDictionary<string, ProtectedBreakdown> dimensions, IReadOnlyDictionary<string, ProtectedSubset> subsets,
        ProtectedReach? reach, IReadOnlyDictionary<string, ProtectedBalance> balance)
    {
        Scope = scope;
        K = k;
        Events = events;
        EventsWithAttendance = eventsWithAttendance;
        Participants = participants;
        Dimensions = dimensions;
        Subsets = subsets;
        Reach = reach;
        Balance = balance;
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

    /// <summary>Reach across organisations, sectors and municipalities; null for snapshots computed before reach existed.</summary>
    public ProtectedReach? Reach { get; }

    /// <summary>Each dimension with a target mix against it, by dimension code.</summary>
    public IReadOnlyDictionary<string, ProtectedBalance> Balance { get; }

    public ProtectedBreakdown? Dimension(string code) => Dimensions.GetValueOrDefault(code);

    public ProtectedSubset? Subset(string name) => Subsets.GetValueOrDefault(name);

    /// <summary>
    /// The method text: the disclosure rules this report was protected by, in the reader's language, for every output
    /// to carry beside its tables (<see cref="MethodText"/>). Each breakdown's Note says what was hidden in it.
    /// </summary>
    public string Method { get; internal init; } = "";

    public ProtectedBalance? BalanceOf(string dimension) => Balance.GetValueOrDefault(dimension);

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

/// <summary>
/// Reach after disclosure control. Counts of organisations, sectors and municipalities are counts of categories and are
/// shown as they are; ReturningAttendees counts people and is null from 1 to k−1.
/// </summary>
public sealed class ProtectedReach
{
    internal ProtectedReach(int organisations, int sectors, int municipalities, int newOrganisations, int? returningAttendees,
        double? shareOfCrossSectorEvents, double? shareOfCoHostedEvents, ProtectedTieNetwork ties, string note)
    {
        Organisations = organisations;
        Sectors = sectors;
        Municipalities = municipalities;
        NewOrganisations = newOrganisations;
        ReturningAttendees = returningAttendees;
        ShareOfCrossSectorEvents = shareOfCrossSectorEvents;
        ShareOfCoHostedEvents = shareOfCoHostedEvents;
        Ties = ties;
        Note = note;
    }

    public int Organisations { get; }
    public int Sectors { get; }
    public int Municipalities { get; }
    public int NewOrganisations { get; }
    public int? ReturningAttendees { get; }
    public double? ShareOfCrossSectorEvents { get; }
    public double? ShareOfCoHostedEvents { get; }
    public ProtectedTieNetwork Ties { get; }

    /// <summary>What was withheld and why, in Swedish.</summary>
    public string Note { get; }
}

/// <summary>The organisation tie network in summary; the E-I index is null below the minimum for indices or without ties.</summary>
public sealed record ProtectedTieNetwork(int Count, double TotalWeight, double? EiIndex);

/// <summary>
/// The organisation tie network after disclosure control, for its picture and table. An organisation is a node by name
/// only where at least k of its people are in scope; the others of a sector are one node, "Övriga organisationer inom
/// sektor". Nodes carry no headcount, and ties carry only the summed Newman weights, which count organisations at
/// events, never persons.
/// </summary>
public sealed class ProtectedTieGraph
{
    internal ProtectedTieGraph(IReadOnlyList<ProtectedTieNode> nodes, IReadOnlyList<ProtectedTie> ties, bool withheld, string note,
        int? allTies = null)
    {
        Nodes = nodes;
        Ties = ties;
        Withheld = withheld;
        Note = note;
        AllTies = allTies ?? ties.Count;
    }

    /// <summary>The nodes with at least one tie (in <see cref="Ties"/>), sector by sector in the taxonomy's order.</summary>
    public IReadOnlyList<ProtectedTieNode> Nodes { get; }

    /// <summary>The ties, strongest first: all of them, or the strongest few (<see cref="Strongest"/>).</summary>
    public IReadOnlyList<ProtectedTie> Ties { get; }

    /// <summary>How many ties the protected network has in all; more than <see cref="Ties"/> holds when only the strongest are kept.</summary>
    public int AllTies { get; }

    /// <summary>True when the network is not shown; Note says why.</summary>
    public bool Withheld { get; }

    /// <summary>How the network was protected, or why it is withheld, in the reader's language.</summary>
    public string Note { get; }

    /// <summary>
    /// The same protected network cut to its <paramref name="count"/> strongest ties and the nodes they join. A large
    /// network (thousands of organisations) cannot be read as a picture or a table, and drawing it all costs seconds per
    /// request. Only already protected ties and nodes are kept, so nothing is shown that the whole network would not show;
    /// <see cref="AllTies"/> keeps the full count, so a reader is told how many weaker ties are left out.
    /// </summary>
    public ProtectedTieGraph Strongest(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (Withheld || Ties.Count <= count) return this;
        var ties = Ties.Take(count).ToList();
        var tied = ties.SelectMany(t => new[] { t.First, t.Second }).ToHashSet(StringComparer.Ordinal);
        return new ProtectedTieGraph([.. Nodes.Where(n => tied.Contains(n.Code))], ties, false, Note, AllTies);
    }
}

/// <summary>One node of the tie network: a named organisation, or a sector's merged small organisations (Merged).</summary>
public sealed record ProtectedTieNode(string Code, string Label, string? Sector, string SectorLabel, bool Merged);

/// <summary>A tie between two nodes, by their codes, with the sum of the Newman weights of the ties it stands for.</summary>
public sealed record ProtectedTie(string First, string Second, double Weight);

/// <summary>One dimension against the target mix, after disclosure control.</summary>
public sealed class ProtectedBalance
{
    internal ProtectedBalance(double? dissimilarity, bool isExample, IReadOnlyList<ProtectedBalanceCell> cells, bool withheld, string note)
    {
        Dissimilarity = dissimilarity;
        IsExample = isExample;
        Cells = cells;
        Withheld = withheld;
        Note = note;
    }

    /// <summary>D = ½ Σ |p − r|; null when any cell is suppressed, or below the minimum for indices.</summary>
    public double? Dissimilarity { get; }

    /// <summary>True when the targets are the seeded examples rather than decided ones ("exempel").</summary>
    public bool IsExample { get; }
    public IReadOnlyList<ProtectedBalanceCell> Cells { get; }

    /// <summary>True when the breakdown of the dimension is withheld, and with it every comparison.</summary>
    public bool Withheld { get; }

    /// <summary>What was withheld and why, in Swedish, for the method text.</summary>
    public string Note { get; }
}

/// <summary>
/// One category against its target: count, share with its Wilson 95 % interval (Low, High), target, gap p − r and
/// representation ratio p / r. Everything but the target is null where the cell is suppressed; share and what follows
/// from it are null below the minimum for indices.
/// </summary>
public sealed record ProtectedBalanceCell(string Code, string Label, int? Count, double? Share, double? Low, double? High,
    double Target, double? Gap, double? Ratio, bool Suppressed);
