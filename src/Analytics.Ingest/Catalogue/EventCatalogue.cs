using System.Text.RegularExpressions;
using Analytics.Core.Events;
using Analytics.Core.Organisations;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Ingest.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Catalogue;

/// <summary>Creates and updates events, checking every field and saying in a sentence what is wrong.</summary>
public sealed partial class EventCatalogue(AnalyticsDbContext db)
{
    private List<(Organisation Organisation, string Key)>? _organisations;

    /// <summary>Adds the event, or updates the one with the same slug. Returns the problems; empty when saved.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(EventDraft draft, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        if (!SlugPattern().IsMatch(draft.Slug))
            problems.Add(Messages.Say("Kortnamnet ”{0}” får bara innehålla små bokstäver a–z, siffror och bindestreck.", draft.Slug));
        if (string.IsNullOrWhiteSpace(draft.Title))
            problems.Add(Messages.Say("Evenemanget behöver en titel."));
        if (Taxonomy.Find(Taxonomy.EventFormats, draft.Format) is null)
            problems.Add(Messages.Say("Okänt format ”{0}”; välj något av {1}.", draft.Format, string.Join(", ", Taxonomy.EventFormats.Select(f => f.Code))));
        if (draft.Municipality is { Length: > 0 } m && !Municipalities.IsValidCode(m))
            problems.Add(Messages.Say("”{0}” är ingen kommunkod; ange SCB:s fyrsiffriga kod, till exempel 1480 för Göteborg.", m));
        // A mistyped year (0026, 2206) would also stretch every quarter picker over centuries of empty quarters.
        if (draft.StartsLocal.Year is < EarliestYear or > LatestYear)
            problems.Add(Messages.Say("Datumet {0} ser felskrivet ut; ett evenemang ligger mellan år {1} och {2}.",
                draft.StartsLocal.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), EarliestYear, LatestYear));
        if (draft.EndsLocal is { } ends && ends < draft.StartsLocal)
            problems.Add(Messages.Say("Evenemanget kan inte sluta innan det börjar."));
        if (draft.Capacity is < 0)
            problems.Add(Messages.Say("Antalet platser kan inte vara negativt."));

        var hostNames = draft.Hosts.Select(TextKey.Of).ToHashSet();
        // Names are matched after normalisation, which SQL cannot do; a catalogue of events reads the organisations once.
        // Read without tracking, and normalised once: with thousands of organisations, every save would otherwise look
        // through them all for changes, and every event would normalise every name again.
        var organisations = hostNames.Count == 0 ? [] : _organisations ??=
            [.. (await db.Organisations.AsNoTracking().ToListAsync(cancellationToken)).Select(o => (o, TextKey.Of(o.Name)))];
        var hosts = organisations.Where(o => hostNames.Contains(o.Key)).Select(o => o.Organisation).ToList();
        foreach (var missing in draft.Hosts.Where(h => hosts.All(o => TextKey.Of(o.Name) != TextKey.Of(h))))
            problems.Add(Messages.Say("Värdorganisationen ”{0}” finns inte bland organisationerna.", missing));
        if (problems.Count > 0) return problems;

        var ev = await db.Events.Include(e => e.Hosts).SingleOrDefaultAsync(e => e.Slug == draft.Slug, cancellationToken);
        if (ev is null)
        {
            ev = new Event { Slug = draft.Slug, Title = draft.Title, FormatCode = draft.Format };
            db.Events.Add(ev);
        }
        ev.Title = draft.Title.Trim();
        ev.StartsAtUtc = Quarter.ToUtc(draft.StartsLocal);
        ev.EndsAtUtc = draft.EndsLocal is { } end ? Quarter.ToUtc(end) : null;
        ev.FormatCode = draft.Format;
        ev.MunicipalityCode = draft.Municipality is { Length: > 0 } code ? code : null;
        ev.Online = draft.Online;
        ev.Capacity = draft.Capacity;
        ev.MeetupEventId = draft.MeetupEventId is { Length: > 0 } id ? id : null;
        ev.Hosts.RemoveAll(h => hosts.All(o => o.Id != h.OrganisationId));
        foreach (var host in hosts.Where(o => ev.Hosts.All(h => h.OrganisationId != o.Id)))
            ev.Hosts.Add(new EventHost { OrganisationId = host.Id });
        var newHosts = hosts.Where(o => !o.IsHost).ToList();
        var attached = new List<Organisation>();
        foreach (var host in newHosts)
        {
            // The same context may already track the organisation (a catalogue of organisations read just before).
            if (db.Organisations.Local.FindEntry(host.Id)?.Entity is { } tracked) tracked.IsHost = true;
            else attached.Add(db.Organisations.Attach(host).Entity);
            host.IsHost = true;
        }
        if (db.ChangeTracker.HasChanges()) ev.DataVersion++;
        await db.SaveChangesAsync(cancellationToken);
        // A catalogue of thousands of events goes through one context: let each saved event go, or every save looks
        // through all the events before it for changes (20,000 events took quadratic time).
        foreach (var link in ev.Hosts) db.Entry(link).State = EntityState.Detached;
        foreach (var host in attached) db.Entry(host).State = EntityState.Detached;
        db.Entry(ev).State = EntityState.Detached;
        return [];
    }

    /// <summary>The years an event may start in: wide enough for any real meeting, narrow enough to catch a typo.</summary>
    public const int EarliestYear = 2000, LatestYear = 2100;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
