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
        new("events", "Adds and lists events.") { AddCommand(host), ListCommand(host) };

    private static Command AddCommand(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The event's slug: lower-case a–z, digits and hyphens, for example 2026-09-17-traff-boras." };
        var title = new Option<string>("--title") { Description = "The event's title.", Required = true };
        var starts = new Option<string>("--starts") { Description = "Start in Stockholm time, for example 2026-09-17T17:00.", Required = true };
        var ends = new Option<string>("--ends") { Description = "End in Stockholm time, for example 2026-09-17T19:00." };
        var format = new Option<string>("--format")
        {
            Description = $"Event format: {string.Join(", ", Taxonomy.EventFormats.Select(f => f.Code))}.",
            DefaultValueFactory = _ => "traff",
        };
        var municipality = new Option<string>("--municipality") { Description = "SCB municipality code, for example 1480 for Göteborg." };
        var online = new Option<bool>("--online") { Description = "The event is held or streamed online." };
        var capacity = new Option<int?>("--capacity") { Description = "Number of places." };
        var hosts = new Option<string[]>("--host") { Description = "A host organisation, named as in the organisation catalogue; repeat the option for each host." };
        var meetupId = new Option<string>("--meetup-id") { Description = "The event's id on Meetup." };

        var command = new Command("add", "Adds an event, or updates the one with the same slug.")
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
        var format = new Option<string>("--format") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("list", "Lists the events by start time.") { format };
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
            await output.Error.WriteLineAsync($"The event “{input.Slug}” was not saved:");
            foreach (var problem in problems) await output.Error.WriteLineAsync($"  {problem}");
            return ExitCodes.Rejected;
        }
        await output.Out.WriteLineAsync(
            $"Saved the event {input.Slug}: {input.Title.Trim()}, {starts:yyyy-MM-dd HH:mm} (Stockholm time).");
        return ExitCodes.Ok;
    }

    private static DateTime? LocalTime(string text, string option, List<string> problems)
    {
        if (DateTime.TryParseExact(text.Trim(), LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return local;
        problems.Add($"{option} “{text}” must be written as 2026-09-17T17:00 (Stockholm time).");
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
            await output.Out.WriteLineAsync("No events yet; add one with `analytics events add` or load the samples with `analytics seed`.");
            return ExitCodes.Ok;
        }
        var slugWidth = listings.Max(l => l.Slug.Length);
        var formatWidth = listings.Max(l => l.Format.Length);
        var placeWidth = listings.Max(l => Place(l).Length);
        foreach (var l in listings)
        {
            var hosts = l.Hosts.Count == 0 ? "" : $"  hosts: {string.Join("; ", l.Hosts)}";
            await output.Out.WriteLineAsync(
                $"{l.Starts.Replace('T', ' ')}  {l.Slug.PadRight(slugWidth)}  {l.Format.PadRight(formatWidth)}  {Place(l).PadRight(placeWidth)}  {l.Title}{hosts}");
        }
        await output.Out.WriteLineAsync((listings.Count == 1 ? "1 event." : $"{listings.Count} events."));
        return ExitCodes.Ok;
    }

    private static string Local(DateTime utc) => Quarter.ToStockholm(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Place(Listing l) =>
        (l.MunicipalityName ?? l.Municipality, l.Online) switch
        {
            (null, true) => "online",
            (null, false) => "–",
            ({ } place, true) => $"{place} + online",
            ({ } place, false) => place,
        };
}
