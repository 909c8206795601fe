using Analytics.Web.Pages.Shared;

namespace Analytics.Web.Pages.Trends;

/// <summary>Key figures drawn in one chart and tabled together; they share a unit. Title is the Swedish text.</summary>
public sealed record TrendGroup(string Id, string Title, IReadOnlyList<KeyFigure> Figures)
{
    public static readonly IReadOnlyList<TrendGroup> All =
    [
        new("evenemang", "Evenemang", [KeyFigure.Events]),
        new("personer", "Anmälda och deltog", [KeyFigure.Registered, KeyFigure.Attended]),
        new("profil", "Med delad profil", [KeyFigure.WithProfile]),
        new("mangfald", "Effektivt antal sektorer och yrken", [KeyFigure.EffectiveSectors, KeyFigure.EffectiveProfessions]),
        new("organisationer", "Organisationer och nya organisationer", [KeyFigure.Organisations, KeyFigure.NewOrganisations]),
        new("tre-sektorer", "Evenemang med minst tre sektorer", [KeyFigure.CrossSectorEvents]),
    ];
}
