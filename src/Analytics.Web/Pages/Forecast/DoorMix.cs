using Analytics.Core.Disclosure;
using Analytics.Core.Forecasts;
using Analytics.Core.Taxonomies;

namespace Analytics.Web.Pages.Forecast;

/// <summary>
/// One sector at the door against its target: registrations and expected attendees (null when hidden), the expected
/// share among attendees with a profile, the target, and whether the sector is expected below it.
/// </summary>
public sealed record DoorRow(string Code, string Label, bool Shown, int? Registered, int? Expected, double? Share, double? Target, bool ExpectedBelowTarget);

/// <summary>
/// The expected mix at the door beside the target mix, from the protected forecast only: every share is arithmetic on
/// numbers the forecast already shows, so it tells nothing the table does not.
/// </summary>
public static class DoorMix
{
    /// <summary>
    /// The base of the shares at the door: the expected attendees with a shared profile (the base of the target shares), that
    /// is the expected total less the group without a profile. When that group is too small to be shown, the expected
    /// total itself (see <see cref="BaseIncludesNoProfile"/>): a few people more in the base, rather than no shares at all.
    /// </summary>
    public static int? Base(ProtectedForecast forecast)
    {
        if (forecast.Withheld || forecast.Expected is not { } expected) return null;
        return forecast.Sectors.FirstOrDefault(s => s.Code == ForecastGroup.NoProfile) is { Expected: { } without } ? expected - without : expected;
    }

    /// <summary>True when the base is the expected total because people without a profile may be in it, hidden in a small group.</summary>
    public static bool BaseIncludesNoProfile(ProtectedForecast forecast) =>
        forecast.Sectors.FirstOrDefault(s => s.Code == ForecastGroup.NoProfile) is { } noProfile ? noProfile.Expected is null : !NothingHidden(forecast);

    /// <summary>Every shown sector and every sector with a target, the largest target first.</summary>
    public static IReadOnlyList<DoorRow> Of(ProtectedForecast forecast, IReadOnlyDictionary<string, double> targets)
    {
        var door = Base(forecast);
        var shown = forecast.Sectors.Where(s => s.Code != ForecastGroup.NoProfile).ToDictionary(s => s.Code, StringComparer.Ordinal);
        // A sector that is not shown has no registrations when nothing is hidden; otherwise it may be a hidden small group.
        var nothingHidden = NothingHidden(forecast);

        return [.. shown.Keys.Union(targets.Keys, StringComparer.Ordinal).Select(code =>
        {
            double? target = targets.TryGetValue(code, out var t) ? t : null;
            if (!shown.TryGetValue(code, out var cell))
                return new DoorRow(code, Taxonomy.Find(Taxonomy.Sectors, code)?.NameSv ?? code, nothingHidden, nothingHidden ? 0 : null,
                    nothingHidden ? 0 : null, nothingHidden && door > 0 ? 0 : null, target, nothingHidden && target > 0);
            double? share = cell.Expected is { } e && door > 0 ? (double)e / door.Value : null;
            // An expected count shown as "<k" is below k, so it is surely under a target worth k or more at the door.
            var below = target is { } goal && (share is { } s ? s < goal : cell.Expected is null && door is { } d && goal * d >= forecast.K);
            return new DoorRow(code, cell.Label, true, cell.Registered, cell.Expected, share, target, below);
        }).OrderByDescending(r => r.Target ?? -1).ThenByDescending(r => r.Registered ?? -1).ThenBy(r => r.Code, StringComparer.Ordinal)];
    }

    private static bool NothingHidden(ProtectedForecast forecast) => forecast.Sectors.Sum(s => s.Registered) == forecast.Registered;
}
