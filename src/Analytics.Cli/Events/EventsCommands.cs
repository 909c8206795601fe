using System.CommandLine;
using System.Globalization;
using Analytics.Cli.Hosting;
using Analytics.Core.Events;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Ingest.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Events;

/// <summary>`analytics events add` and `analytics events list`.</summary>
internal static class EventsCommands
{
    public static Command Create(CliHost host) =>
        new("events", "Evenemangen. Events.") { AddCommand(host), ListCommand(host) };

    private static Command AddCommand(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "Kortnamn, till exempel 2026-09-17-traff-boras. Short name." };
        var title = new Option<string>("--title") { Description = "Titel. Title.", Required = true };
        var starts = new Option<string>("--starts") { Description = "Start i svensk tid, 2026-09-17T17:00. Start, Stockholm time.", Required = true };
        var ends = new Option<string>("--ends") { Description = "Slut i svensk tid. End, Stockholm time." };
        var format = new Option<string>("--format")
        {
            Description = $"Format: {string.Join(", ", Taxonomy.EventFormats.Select(f => f.Code))} (standard traff). Event format.",
            DefaultValueFactory = _ => "traff",
        };
        var municipality = new Option<string>("--municipality") { Description = "SCB:s kommunkod, till exempel 1480. Municipality code." };
        var online = new Option<bool>("--online") { Description = "Evenemanget sänds digitalt. Online event." };
        var capacity = new Option<int?>("--capacity") { Description = "Antal platser. Capacity." };
        var hosts = new Option<string[]>("--host") { Description = "Värdorganisation, namnet som i organisationskatalogen; kan upprepas. Host organisation (repeatable)." };
        var meetupId = new Option<string>("--meetup-id") { Description = "Evenemangets id på Meetup. Meetup event id." };

        var command = new Command("add", "Lägger till ett evenemang, eller uppdaterar det med samma kortnamn. Adds or updates an event.")
        {
            slug, title, starts, ends, format, municipality, online, capacity, hosts, meetupId,
        };
        host.SetAction<AddEvent>(command, (handler, r, ct) => handler.RunAsync(new AddEvent.Input(
            r.GetValue(slug)!, r.GetValue(title)!, r.GetValue(starts)!, r.GetValue(ends), r.GetValue(format)!, r.GetValue(municipality),
            r.GetValue(online), r.GetValue(capacity), r.GetValue(hosts) ?? [], r.GetValue(meetupId)), ct));
        return command;
    }

    private static Command ListCommand(CliHost host)
    {
        var format = new Option<string>("--format") { Description = "text eller json. Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("list", "Listar evenemangen i tidsordning. Lists events by date.") { format };
        host.SetAction<ListEvents>(command, (handler, r, ct) => handler.RunAsync(r.GetValue(format) == "json", ct));
        return command;
    }
}

internal sealed class AddEvent(EventCatalogue catalogue, CliOutput output)
{
    public sealed record Input(string Slug, string Title, string Starts, string? Ends, string Format, string? Municipality,
        bool Online, int? Capacity, IReadOnlyList<string> Hosts, string? MeetupEventId);

    private static readonly string[] LocalTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public async Task<int> RunAsync(Input input, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var starts = LocalTime(input.Starts, "--starts", problems);
        var ends = input.Ends is null ? null : LocalTime(input.Ends, "--ends", problems);
        if (problems.Count == 0)
        {
            var draft = new EventDraft(input.Slug, input.Title, starts!.Value)
            {
                EndsLocal = ends, Format = input.Format, Municipality = input.Municipality, Online = input.Online,
                Capacity = input.Capacity, MeetupEventId = input.MeetupEventId, Hosts = input.Hosts,
            };
            problems.AddRange(await catalogue.SaveAsync(draft, cancellationToken));
        }
        if (problems.Count > 0)
        {
            await output.Error.WriteLineAsync($"Evenemanget ”{input.Slug}” sparades inte:");
            foreach (var problem in problems) await output.Error.WriteLineAsync($"  {problem}");
            return ExitCodes.Rejected;
        }
        await output.Out.WriteLineAsync(
            $"Sparade evenemanget {input.Slug}: {input.Title.Trim()}, {starts:yyyy-MM-dd HH:mm} (svensk tid).");
        return ExitCodes.Ok;
    }

    private static DateTime? LocalTime(string text, string option, List<string> problems)
    {
        if (DateTime.TryParseExact(text.Trim(), LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return local;
        problems.Add($"{option} ”{text}” ska skrivas som 2026-09-17T17:00 (svensk tid).");
        return null;
    }
}

internal sealed class ListEvents(AnalyticsDbContext db, CliOutput output)
{
    /// <summary>One event as listed; times are Stockholm wall-clock time.</summary>
    public sealed record Listing(string Slug, string Starts, string? Ends, string Title, string Format, string? Municipality,
        string? MunicipalityName, bool Online, int? Capacity, IReadOnlyList<string> Hosts);

    public async Task<int> RunAsync(bool json, CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking()
            .OrderBy(e => e.StartsAtUtc).ThenBy(e => e.Slug)
            .Select(e => new
            {
                e.Slug, e.Title, e.StartsAtUtc, e.EndsAtUtc, e.FormatCode, e.MunicipalityCode, e.Online, e.Capacity,
                Hosts = e.Hosts.Select(h => h.Organisation!.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        var listings = events.Select(e => new Listing(
            e.Slug, Local(e.StartsAtUtc), e.EndsAtUtc is { } ends ? Local(ends) : null, e.Title, e.FormatCode, e.MunicipalityCode,
            Taxonomy.Find(Municipalities.All, e.MunicipalityCode)?.NameSv, e.Online, e.Capacity, [.. e.Hosts.Order(StringComparer.Ordinal)])).ToList();

        if (json)
        {
            await output.Out.WriteLineAsync(CliJson.Serialize(listings));
            return ExitCodes.Ok;
        }
        if (listings.Count == 0)
        {
            await output.Out.WriteLineAsync("Inga evenemang ännu; lägg till med `analytics events add` eller `analytics seed`.");
            return ExitCodes.Ok;
        }
        var slugWidth = listings.Max(l => l.Slug.Length);
        var formatWidth = listings.Max(l => l.Format.Length);
        var placeWidth = listings.Max(l => Place(l).Length);
        foreach (var l in listings)
        {
            var hosts = l.Hosts.Count == 0 ? "" : $"  värdar: {string.Join("; ", l.Hosts)}";
            await output.Out.WriteLineAsync(
                $"{l.Starts.Replace('T', ' ')}  {l.Slug.PadRight(slugWidth)}  {l.Format.PadRight(formatWidth)}  {Place(l).PadRight(placeWidth)}  {l.Title}{hosts}");
        }
        await output.Out.WriteLineAsync($"{listings.Count} evenemang.");
        return ExitCodes.Ok;
    }

    private static string Local(DateTime utc) => Quarter.ToStockholm(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Place(Listing l) =>
        (l.MunicipalityName ?? l.Municipality, l.Online) switch
        {
            (null, true) => "digitalt",
            (null, false) => "–",
            ({ } place, true) => $"{place} + digitalt",
            ({ } place, false) => place,
        };
}
