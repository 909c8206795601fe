namespace Analytics.SampleData;

using static Csv;
using static Distributions;

/// <summary>Writes the reference files the importer and the seed command start from.</summary>
static class CatalogueWriter
{
    public static void WriteOrganisations(string path)
    {
        var rows = new List<IEnumerable<string>> { new[] { "organisationsnummer", "name", "sector", "municipality", "host" } };
        rows.AddRange(Catalogue.Organisations.Select(o => new[]
        {
            o.OrganisationNumber is { } number && Catalogue.HasValidCheckDigit(number) ? number : "",
            o.Name, o.Sector, o.Municipality, Catalogue.IsHost(o) ? "true" : "false",
        }));
        Csv.Write(path, rows);
    }

    public static void WriteEvents(string path)
    {
        var rows = new List<IEnumerable<string>>
        {
            new[] { "slug", "title", "starts", "ends", "format", "municipality", "online", "capacity", "meetup_event_id", "hosts" },
        };
        rows.AddRange(Catalogue.Events.Select(e => new[]
        {
            e.Slug, e.Title, Invariant(e.Starts, "yyyy-MM-ddTHH:mm"), Invariant(e.Ends, "yyyy-MM-ddTHH:mm"), e.Format,
            e.Municipality ?? "", e.Online ? "true" : "false", Invariant(e.Capacity),
            e.MeetupEventId is { } id ? Invariant(id) : "", string.Join(';', e.Hosts),
        }));
        Csv.Write(path, rows);
    }

    public static void WriteTargets(string path)
    {
        foreach (var dimension in ExampleTargets.GroupBy(t => t.Dimension))
        {
            if (dimension.Sum(t => t.Share) != 1m)
                throw new InvalidOperationException($"The example targets for {dimension.Key} do not add up to 1.");
        }
        var rows = new List<IEnumerable<string>> { new[] { "dimension", "code", "share", "note" } };
        rows.AddRange(ExampleTargets.Select(t => new[] { t.Dimension, t.Code, Invariant(t.Share, "0.00"), ExampleTargetNote }));
        Csv.Write(path, rows);
    }
}
