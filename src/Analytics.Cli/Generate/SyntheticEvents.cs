using Analytics.SampleData;
using static Analytics.Cli.Generate.SampleDistributions;
using static Analytics.SampleData.Distributions;

namespace Analytics.Cli.Generate;

/// <summary>One generated event. Rows is how many lines its attendee list has, RSVP "No" included.</summary>
internal sealed record SyntheticEvent(string Slug, string Title, DateTime Starts, DateTime Ends, EventShape Shape, string? Municipality,
    int Capacity, int Demand, int Rows, IReadOnlyList<SyntheticOrganisation> Hosts, long MeetupEventId, bool Classic, bool Planned);

/// <summary>
/// The events of the history: formats, places, times and hosts as in the sample, spread evenly over the years, with the
/// requested number of participation rows shared out in proportion to each event's demand.
/// </summary>
internal static class SyntheticEvents
{
    public static List<SyntheticEvent> Create(Random random, GenerationPlan plan, SyntheticNetwork network)
    {
        var hosts = network.Organisations.Where(o => o.IsHost).ToList();
        var hostChoice = new WeightedChoice<SyntheticOrganisation>(hosts.Select(h => (h, h.Weight)));
        var hostsByMunicipality = hosts.GroupBy(h => h.Municipality).ToDictionary(g => g.Key, g => g.ToList());
        var shapes = EventShapes.Select(s => (s, s.Weight)).ToList();
        var days = (plan.Starts.AddYears(plan.Years) - plan.Starts).Days;

        var drafts = Enumerable.Range(0, plan.Events).Select(_ =>
        {
            var shape = random.PickWeighted(shapes);
            var day = plan.Starts.AddDays(random.Next(days));
            var starts = day + TimeSpan.Parse(random.PickWeighted(StartTimes), System.Globalization.CultureInfo.InvariantCulture);
            var municipality = random.Chance(shape.OnlineShare) ? null : random.PickWeighted(WesternSweden);
            var want = shape.Demand * (0.6 + 0.8 * random.NextDouble());
            return (Shape: shape, Starts: starts, Municipality: municipality, Want: want);
        }).OrderBy(d => d.Starts).ToList();

        var rows = ShareOut(plan.Participations, [.. drafts.Select(d => d.Want)]);
        var events = new List<SyntheticEvent>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var (shape, starts, municipality, _) = drafts[i];
            // Meetup lists also hold those who answered no: 4 to 11 % of the demand, as in the sample.
            var declining = (int)Math.Round(rows[i] * random.Next(DecliningPercent.From, DecliningPercent.To) / 100.0);
            var demand = Math.Max(1, rows[i] - declining);
            var capacity = Math.Max(10, (int)Math.Round(demand * shape.PlacesPerDemand * (0.8 + 0.4 * random.NextDouble())));
            var hostCount = random.PickWeighted(HostCounts);
            var eventHosts = new List<SyntheticOrganisation>();
            // The first host is often one from the town the event is in.
            if (municipality is not null && hostsByMunicipality.TryGetValue(municipality, out var local) && random.Chance(0.6))
                eventHosts.Add(random.Pick(local));
            // A small run may have no host organisations at all; its events then have none.
            for (var attempt = 0; eventHosts.Count < hostCount && hostChoice.Total > 0 && attempt < 10; attempt++)
            {
                var host = hostChoice.Draw(random);
                if (!eventHosts.Contains(host)) eventHosts.Add(host);
            }
            var where = municipality is null ? "digitalt" : $"i {SyntheticNetwork.MunicipalityName(municipality)}";
            events.Add(new SyntheticEvent(
                Slug: $"{starts:yyyy-MM-dd}-{shape.Format}-{i + 1}",
                Title: $"{FormatTitle(shape.Format)} {where} nr {i + 1}",
                Starts: starts,
                Ends: starts.AddHours(shape.Format is "forelasning" ? 1 : shape.Format is "konferens" ? 6 : 3),
                Shape: shape, Municipality: municipality, Capacity: capacity, Demand: demand, Rows: rows[i], Hosts: eventHosts,
                MeetupEventId: 311_204_517 + (long)(starts - plan.Starts).TotalDays * 3_517 + i,
                Classic: starts < plan.ClassicUntil, Planned: starts > plan.Today));
        }
        return events;
    }

    /// <summary>Splits <paramref name="total"/> in proportion to the weights, exactly, largest remainders first.</summary>
    public static int[] ShareOut(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - shares.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take(left))
            shares[i]++;
        return shares;
    }

    private static string FormatTitle(string format) => format switch
    {
        "workshop" => "Workshop",
        "forelasning" => "Föreläsning",
        "natverksmote" => "Nätverksmöte",
        "konferens" => "Konferens",
        _ => "Träff",
    };
}
