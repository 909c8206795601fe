using System.Globalization;
using Analytics.Core.Disclosure;
using Analytics.Reporting.Charts;

namespace Analytics.Web.Pages.Shared;

public enum FigureKind
{
    /// <summary>A headcount of people: 1..k−1 is suppressed and shown as "&lt;k".</summary>
    People,

    /// <summary>A count of events or of categories, shown as it is.</summary>
    Count,

    /// <summary>A diversity index such as the effective number of categories, withheld below the minimum for indices.</summary>
    Index,

    /// <summary>A share of events, 0..1.</summary>
    Share,
}

/// <summary>
/// One key figure of a period, read from its protected report: the figures the overview, the trends and the quarterly
/// report show quarter over quarter. Name is the Swedish text, the key of its translation.
/// </summary>
public sealed record KeyFigure(string Id, string Name, FigureKind Kind, Func<ProtectedReport, double?> Value)
{
    /// <summary>True when the figure does not apply, rather than being suppressed: attendance where no list has it.</summary>
    public Func<ProtectedReport, bool> NotApplicable { get; init; } = _ => false;

    public string Format => Kind switch { FigureKind.Index => "0.0", FigureKind.Share => "P0", _ => "N0" };

    public bool Suppressed(ProtectedReport report) => Kind == FigureKind.People && Value(report) is null && !NotApplicable(report);

    /// <summary>The value in the reader's culture, or "–" where there is none; a suppressed one is shown with &lt;count&gt;.</summary>
    public string Text(ProtectedReport report) => Value(report)?.ToString(Format, CultureInfo.CurrentCulture) ?? "–";

    public TrendLine Line(string name) => new(name, Value);

    /// <summary>The change from one period to the next, signed; shares change in percentage points. Null when either is missing.</summary>
    public string? Change(ProtectedReport now, ProtectedReport before)
    {
        if (Value(now) is not { } a || Value(before) is not { } b) return null;
        var culture = CultureInfo.CurrentCulture;
        var (difference, format) = Kind == FigureKind.Share ? ((a - b) * 100, "0") : (a - b, Kind == FigureKind.Index ? "0.0" : "N0");
        var text = Math.Abs(difference).ToString(format, culture);
        return text == 0.0.ToString(format, culture) ? "±0" : (difference > 0 ? "+" : "−") + text;
    }

    public static readonly KeyFigure Events = new("evenemang", "Evenemang", FigureKind.Count, r => r.Events);
    public static readonly KeyFigure Registered = new("anmalda", "Anmälda", FigureKind.People, r => r.Participants.Registered);

    public static readonly KeyFigure Attended = new("deltog", "Deltog", FigureKind.People,
        r => r.Participants.AttendanceUnknown ? null : r.Participants.Attended) { NotApplicable = r => r.Participants.AttendanceUnknown };

    public static readonly KeyFigure WithProfile = new("profil", "Med delad profil", FigureKind.People, r => r.Participants.WithProfile);
    public static readonly KeyFigure EffectiveSectors = new("sektorer", "Effektivt antal sektorer", FigureKind.Index, r => r.Dimension("sector")?.EffectiveNumber);
    public static readonly KeyFigure EffectiveProfessions = new("yrken", "Effektivt antal yrken", FigureKind.Index, r => r.Dimension("profession")?.EffectiveNumber);
    public static readonly KeyFigure Organisations = new("organisationer", "Organisationer", FigureKind.Count, r => r.Reach?.Organisations);
    public static readonly KeyFigure NewOrganisations = new("nya-organisationer", "Nya organisationer", FigureKind.Count, r => r.Reach?.NewOrganisations);

    public static readonly KeyFigure CrossSectorEvents = new("tre-sektorer", "Evenemang med minst tre sektorer", FigureKind.Share,
        r => r.Reach?.ShareOfCrossSectorEvents);

    /// <summary>The overview's figures, in the order they are shown.</summary>
    public static readonly IReadOnlyList<KeyFigure> All =
        [Events, Registered, Attended, WithProfile, EffectiveSectors, EffectiveProfessions, Organisations, NewOrganisations, CrossSectorEvents];
}
