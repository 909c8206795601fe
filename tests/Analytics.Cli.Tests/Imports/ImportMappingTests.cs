using System.Text.Json;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Tests.Imports;

/// <summary>`import --mapping FILE` and `--accept-new-organisations`: what the organiser tells the importer about their answers.</summary>
public sealed class ImportMappingTests
{
    private const string FirstEvent = "2026-09-01-forsta-listan";
    private const string SecondEvent = "2026-09-08-andra-listan";

    /// <summary>The sample organisation catalogue and two events of our own, as an organiser would have them set up.</summary>
    private static async Task CreateEventsAsync(CliSandbox cli)
    {
        var catalogue = Directory.CreateDirectory(Path.Combine(cli.DataFolder, "catalogue")).FullName;
        File.Copy(SampleData.Organisations, Path.Combine(catalogue, "organisations.csv"));
        File.WriteAllText(Path.Combine(catalogue, "events.csv"), File.ReadLines(Path.Combine(SampleData.Folder, "events.csv")).First() + "\n");
        await cli.SucceedsAsync("seed", "--from", catalogue);
        await cli.SucceedsAsync("events", "add", FirstEvent, "--title", "Första listan", "--starts", "2026-09-01T17:00");
        await cli.SucceedsAsync("events", "add", SecondEvent, "--title", "Andra listan", "--starts", "2026-09-08T17:00");
    }

    private static string WriteFile(CliSandbox cli, string name, string text)
    {
        var path = Path.Combine(cli.DataFolder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string WriteList(CliSandbox cli, string name, params ListedAttendee[] attendees) =>
        MeetupListFile.Write(Path.Combine(cli.DataFolder, name), attendees);

    private static List<(string Column, string Value, int Count)> Unmapped(CliRun run)
    {
        using var document = JsonDocument.Parse(run.Out);
        return [.. document.RootElement.GetProperty("unmapped").EnumerateArray().Select(u =>
            (u.GetProperty("column").GetString()!, u.GetProperty("value").GetString()!, u.GetProperty("count").GetInt32()))];
    }

    [Theory, DatabaseProviders]
    public async Task A_mapping_file_places_unknown_answers_and_is_saved_so_the_next_file_needs_none(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateEventsAsync(cli);
        var first = WriteList(cli, "forsta.csv",
            new(1001) { Sector = "Kommunal verksamhet" }, new(1002) { Sector = "Kommunal verksamhet" },
            new(1003) { Sector = "Akademi", Organisation = "GU" }, new(1004));
        var mapping = WriteFile(cli, "mappning.json", """
            { "values": { "sector": { "Kommunal verksamhet": "kommun" },
                          "organisation": { "GU": "Göteborgs universitet" } } }
            """);
        var unmapped = Unmapped(await cli.SucceedsAsync("import", first, "--event", FirstEvent, "--dry-run", "--json"));

        var run = await cli.SucceedsAsync("import", first, "--event", FirstEvent, "--mapping", mapping);

        unmapped.ShouldBe([("sector", "Kommunal verksamhet", 2), ("organisation", "GU", 1)], ignoreOrder: true);
        run.Out.ShouldContain("0 unmapped answers");
        run.Out.ShouldNotContain("Kommunal verksamhet");
        run.Out.ShouldNotContain("\"GU\"");

        var second = WriteList(cli, "andra.csv",
            new(2001) { Sector = "kommunal  verksamhet " }, new(2002) { Sector = "Akademi", Organisation = "GU" });
        var next = await cli.SucceedsAsync("import", second, "--event", SecondEvent, "--json");

        Unmapped(next).ShouldBeEmpty();
        await using var db = cli.OpenDatabase();
        var secondEvent = await db.Events.SingleAsync(e => e.Slug == SecondEvent);
        var participations = await db.Participations.Where(p => p.EventId == secondEvent.Id)
            .Select(p => new { p.SectorCode, Organisation = p.Organisation!.Name }).ToListAsync();
        participations.ShouldBe([new { SectorCode = (string?)"kommun", Organisation = "Göteborgs Stad" },
                                 new { SectorCode = (string?)"akademi", Organisation = "Göteborgs universitet" }], ignoreOrder: true);
    }

    /// <summary>Mapping files with one mistake each: not JSON, a question that does not exist, a sector that does not exist.</summary>
    public static IEnumerable<object[]> MalformedMappings =>
        from provider in TestDatabase.AvailableProviders
        from mapping in new[]
        {
            ("""{ "values": { "sector": { "Kommunal verksamhet": """, "JSON"),
            ("""{ "columns": { "Arbetsgivare": "employer" } }""", "employer"),
            ("""{ "newOrganisations": { "Exempelbyrån AB": "foretag" } }""", "foretag"),
        }
        select new object[] { provider, mapping.Item1, mapping.Item2 };

    [Theory]
    [MemberData(nameof(MalformedMappings))]
    public async Task A_malformed_mapping_file_is_refused_with_a_sentence_and_changes_nothing(string provider, string json, string named)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateEventsAsync(cli);
        var list = WriteList(cli, "lista.csv", new ListedAttendee(1001) { Sector = "Kommunal verksamhet" });
        var mapping = WriteFile(cli, "mappning.json", json);
        var before = await cli.DatabaseContentsAsync();

        var run = await cli.RunAsync("import", list, "--event", FirstEvent, "--mapping", mapping);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldStartWith($"The mapping file {mapping} cannot be used, so nothing was imported: ");
        run.Error.ShouldContain(named);
        run.Error.ShouldNotContain("   at ");
        run.Out.ShouldBeEmpty();
        (await cli.DatabaseContentsAsync()).ShouldBe(before);
    }

    [Theory, DatabaseProviders]
    public async Task A_missing_mapping_file_is_refused_and_changes_nothing(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateEventsAsync(cli);
        var list = WriteList(cli, "lista.csv", new ListedAttendee(1001));
        var before = await cli.DatabaseContentsAsync();

        var run = await cli.RunAsync("import", list, "--event", FirstEvent, "--mapping", Path.Combine(cli.DataFolder, "saknas.json"));

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("There is no mapping file");
        run.Error.ShouldContain("saknas.json");
        (await cli.DatabaseContentsAsync()).ShouldBe(before);
    }

    [Theory, DatabaseProviders]
    public async Task New_organisations_are_listed_with_their_sector_and_how_to_confirm_them(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateEventsAsync(cli);
        var list = WriteList(cli, "lista.csv",
            new(1001) { Organisation = "Kvistbro Förändringsbyrå AB", Sector = "Näringsliv" },
            new(1002) { Organisation = "Tångudden Tjänstedesign", Sector = "" },
            new(1003) { Organisation = "Tångudden Tjänstedesign", Sector = "" });

        var run = await cli.SucceedsAsync("import", list, "--event", FirstEvent);

        run.Out.ShouldContain("unknown organisations, not created (counted as unmapped until mapped; create them with --accept-new-organisations, " +
                              "name their sector under \"newOrganisations\" in a --mapping file, or map them to a known organisation under \"values\"):");
        run.Out.ShouldContain("\"Kvistbro Förändringsbyrå AB\" × 1: sector naringsliv");
        run.Out.ShouldContain("\"Tångudden Tjänstedesign\" × 2: sector unknown");
        run.Out.ShouldNotContain("organisations created");
        await using var db = cli.OpenDatabase();
        (await db.Organisations.AnyAsync(o => o.Name == "Kvistbro Förändringsbyrå AB" || o.Name == "Tångudden Tjänstedesign")).ShouldBeFalse();
    }

    [Theory, DatabaseProviders]
    public async Task Accepting_new_organisations_creates_only_those_with_a_known_sector_and_a_mapping_file_names_the_rest(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await CreateEventsAsync(cli);
        ListedAttendee[] attendees =
        [
            new(1001) { Organisation = "Kvistbro Förändringsbyrå AB", Sector = "Näringsliv" },
            new(1002) { Organisation = "Tångudden Tjänstedesign", Sector = "" },
        ];
        var list = WriteList(cli, "lista.csv", attendees);

        var accepted = await cli.SucceedsAsync("import", list, "--event", FirstEvent, "--accept-new-organisations");

        accepted.Out.ShouldContain("organisations created: Kvistbro Förändringsbyrå AB");
        accepted.Out.ShouldContain("unknown organisations, not created (counted as unmapped until mapped; name their sector under \"newOrganisations\"");
        accepted.Out.ShouldNotContain("create them with --accept-new-organisations");
        accepted.Out.ShouldContain("\"Tångudden Tjänstedesign\" × 1: sector unknown");
        await using (var db = cli.OpenDatabase())
        {
            (await db.Organisations.SingleAsync(o => o.Name == "Kvistbro Förändringsbyrå AB")).SectorCode.ShouldBe("naringsliv");
            (await db.Organisations.AnyAsync(o => o.Name == "Tångudden Tjänstedesign")).ShouldBeFalse();
        }

        var mapping = WriteFile(cli, "mappning.json", """{ "newOrganisations": { "Tångudden Tjänstedesign": "naringsliv" } }""");
        var updated = WriteList(cli, "lista-2.csv", [.. attendees, new(1003)]);
        var confirmed = await cli.SucceedsAsync("import", updated, "--event", FirstEvent, "--mapping", mapping);

        confirmed.Out.ShouldContain("organisations created: Tångudden Tjänstedesign");
        confirmed.Out.ShouldNotContain("not created");
        await using (var db = cli.OpenDatabase())
            (await db.Organisations.SingleAsync(o => o.Name == "Tångudden Tjänstedesign")).SectorCode.ShouldBe("naringsliv");
    }
}
