using Analytics.Core.Events;
using Analytics.Core.Forecasts;
using Analytics.Core.Participations;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Reporting.Forecast;

/// <summary>
/// Reads registrations (RSVP yes) and turns them into <see cref="TurnoutCase"/>s: for training, those of held events with
/// attendance known; for a forecast, those of one event. Per-person rows are read here only to train and predict; what
/// leaves is sums, through disclosure control.
/// </summary>
public sealed class TurnoutHistory(AnalyticsDbContext db)
{
    /// <summary>Every registration with a known outcome at events that started before <paramref name="nowUtc"/>, oldest event first.</summary>
    public async Task<IReadOnlyList<TurnoutCase>> KnownAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking().Include(e => e.Hosts).Where(e => e.StartsAtUtc <= nowUtc).ToListAsync(cancellationToken);
        var ids = events.Select(e => e.Id).ToList();
        var rows = await db.Participations.AsNoTracking()
            .Where(p => ids.Contains(p.EventId) && p.Rsvp == Rsvp.Yes && p.Attendance != Attendance.Unknown)
            // In a fixed order, so the same seed gives the same model on every provider: the sort below is stable.
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var earlier = await AttendedBeforeAsync(null, cancellationToken);
        var byId = events.ToDictionary(e => e.Id);
        return rows.Select(p => Case(byId[p.EventId], p, earlier))
            .OrderBy(c => c.StartsAtUtc).ThenBy(c => c.EventId).ToList();
    }

    /// <summary>The registrations (RSVP yes) of one event, whatever their attendance; null when there is no such event.</summary>
    public async Task<(Event Event, IReadOnlyList<TurnoutCase> Cases)?> ForEventAsync(string slug, CancellationToken cancellationToken)
    {
        var ev = await db.Events.AsNoTracking().Include(e => e.Hosts).FirstOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (ev is null) return null;
        var rows = await db.Participations.AsNoTracking().Where(p => p.EventId == ev.Id && p.Rsvp == Rsvp.Yes).ToListAsync(cancellationToken);
        var earlier = await AttendedBeforeAsync(rows, cancellationToken);
        return (ev, rows.Select(p => Case(ev, p, earlier)).ToList());
    }

    /// <summary>
    /// The registrations (RSVP yes) of every event that starts after <paramref name="nowUtc"/> (only those of
    /// <paramref name="slugs"/> when given), by event, each event listed even without registrations: one read for all of
    /// them, not one per event.
    /// </summary>
    public async Task<IReadOnlyList<(Event Event, IReadOnlyList<TurnoutCase> Cases)>> PlannedAsync(DateTime nowUtc, CancellationToken cancellationToken,
        IReadOnlyCollection<string>? slugs = null)
    {
        var planned = db.Events.AsNoTracking().Include(e => e.Hosts).Where(e => e.StartsAtUtc > nowUtc);
        if (slugs is not null) planned = planned.Where(e => slugs.Contains(e.Slug));
        var events = await planned.ToListAsync(cancellationToken);
        var ids = events.Select(e => e.Id).ToList();
        var registrations = await db.Participations.AsNoTracking().Where(p => ids.Contains(p.EventId) && p.Rsvp == Rsvp.Yes).ToListAsync(cancellationToken);
        var rows = registrations.ToLookup(p => p.EventId);
        var earlier = await AttendedBeforeAsync(registrations, cancellationToken);
        return [.. events.Select(ev => (ev, (IReadOnlyList<TurnoutCase>)[.. rows[ev.Id].Select(p => Case(ev, p, earlier))]))];
    }

    /// <summary>
    /// For each attendee key, the start of the first event they attended: someone is a first-timer at any event until then.
    /// Only the keys of <paramref name="registrations"/> when given, so a forecast on a page reads its own people's
    /// history, not everyone's.
    /// </summary>
    private async Task<Dictionary<string, DateTime>> AttendedBeforeAsync(IReadOnlyList<Participation>? registrations, CancellationToken cancellationToken)
    {
        var attended = db.Participations.AsNoTracking().Where(p => p.AttendeeKey != null && p.Attendance == Attendance.Attended);
        if (registrations is not null)
        {
            var keys = registrations.Select(p => p.AttendeeKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count == 0) return [];
            attended = attended.Where(p => keys.Contains(p.AttendeeKey!));
        }
        return (await attended.Join(db.Events, p => p.EventId, e => e.Id, (p, e) => new { p.AttendeeKey, e.StartsAtUtc }).ToListAsync(cancellationToken))
            .GroupBy(x => x.AttendeeKey!).ToDictionary(g => g.Key, g => g.Min(x => x.StartsAtUtc));
    }

    private static TurnoutCase Case(Event ev, Participation p, Dictionary<string, DateTime> firstAttended)
    {
        var local = Quarter.ToStockholm(ev.StartsAtUtc);
        var sector = p.HasProfile && p.SectorCode is { } s ? s : ForecastGroup.NoProfile;
        var lead = p.RsvpAtUtc is { } at ? Math.Max((ev.StartsAtUtc - at).TotalDays, 0) : (double?)null;
        var firstTime = p.AttendeeKey is null ? "okand"
            : firstAttended.TryGetValue(p.AttendeeKey, out var first) && first < ev.StartsAtUtc ? "aterkommande" : "ny";
        return new TurnoutCase(ev.Id, ev.StartsAtUtc, sector, new TurnoutRow
        {
            Label = p.Attendance == Attendance.Attended,
            Sector = sector,
            Profession = p.HasProfile && p.ProfessionCode is { } prof ? prof : ForecastGroup.NoProfile,
            Role = p.RoleCode,
            Format = ev.FormatCode,
            // The lowest host id stands for the hosts: co-hosted events are few, and one column keeps the model small.
            Host = ev.Hosts.Count == 0 ? "ingen" : ev.Hosts.Min(h => h.OrganisationId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Weekday = local.DayOfWeek.ToString(),
            Hour = local.Hour.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Season = Season(local.Month),
            Online = ev.Online ? "online" : "plats",
            FirstTime = firstTime,
            LeadDays = lead is { } days ? (float)Math.Log(1 + days) : 0,
            LeadKnown = lead is null ? 0 : 1,
        });
    }

    private static string Season(int month) => month switch
    {
        12 or 1 or 2 => "vinter",
        >= 3 and <= 5 => "var",
        >= 6 and <= 8 => "sommar",
        _ => "host",
    };
}
