namespace Analytics.SampleData;

using static Csv;
using static Taxonomy;

/// <summary>Writes the reference files the importer and the seed command start from.</summary>
static class CatalogueWriter
{
    public const string TargetNote = "Exempel – inte ett beslutat mål";

    public static readonly (string Dimension, string Code, decimal Share)[] ExampleTargets =
    [
        ("sector", Kommun, 0.30m), ("sector", Region, 0.15m), ("sector", Stat, 0.15m), ("sector", KommunalSamverkan, 0.05m),
        ("sector", Akademi, 0.10m), ("sector", Civilsamhalle, 0.10m), ("sector", Naringsliv, 0.07m),
        ("sector", Medborgare, 0.05m), ("sector", Internationellt, 0.01m), ("sector", OvrigtSector, 0.02m),
        ("profession", Ledning, 0.12m), ("profession", Verksamhetsutveckling, 0.16m), ("profession", DigitaliseringIt, 0.12m),
        ("profession", DesignUx, 0.08m), ("profession", PolicyJuridik, 0.08m), ("profession", Kommunikation, 0.07m),
        ("profession", ForskningUtbildning, 0.08m), ("profession", VardOmsorgSkola, 0.12m), ("profession", Projektledning, 0.09m),
        ("profession", Student, 0.05m), ("profession", OvrigtProfession, 0.03m),
    ];

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
        rows.AddRange(ExampleTargets.Select(t => new[] { t.Dimension, t.Code, Invariant(t.Share, "0.00"), TargetNote }));
        Csv.Write(path, rows);
    }
}
