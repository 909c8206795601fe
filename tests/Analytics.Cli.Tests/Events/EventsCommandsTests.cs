using System.Text.Json;
using Analytics.Ingest.Catalogue;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Events;

public sealed class EventsCommandsTests
{
    private static async Task LoadSampleOrganisationsAsync(CliSandbox cli)
    {
        await using var db = cli.OpenDatabase();
        await using var csv = File.OpenRead(SampleData.Organisations);
        (await new CatalogueImporter(db).ImportOrganisationsAsync(csv)).Errors.ShouldBeEmpty();
    }

    [Theory, DatabaseProviders]
    public async Task Added_event_is_listed_as_json_in_stockholm_time_with_its_hosts(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await cli.SucceedsAsync("db", "migrate");
        await LoadSampleOrganisationsAsync(cli);

        var add = await cli.RunAsync("events", "add", "2026-09-17-traff-boras", "--title", "Träff i Borås", "--starts", "2026-09-17T17:00",
            "--ends", "2026-09-17T19:00", "--format", "traff", "--municipality", "1490", "--capacity", "40",
            "--host", "Västra Götalandsregionen", "--host", "Göteborgs Stad");
        var list = await cli.SucceedsAsync("events", "list", "--format", "json");

        add.ExitCode.ShouldBe(0, add.ToString());
        using var document = JsonDocument.Parse(list.Out);
        var listed = document.RootElement.EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("slug").GetString().ShouldBe("2026-09-17-traff-boras");
        listed.GetProperty("title").GetString().ShouldBe("Träff i Borås");
        listed.GetProperty("starts").GetString().ShouldBe("2026-09-17T17:00");
        listed.GetProperty("ends").GetString().ShouldBe("2026-09-17T19:00");
        listed.GetProperty("format").GetString().ShouldBe("traff");
        listed.GetProperty("municipality").GetString().ShouldBe("1490");
        listed.GetProperty("capacity").GetInt32().ShouldBe(40);
        listed.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()).ShouldBe(["Göteborgs Stad", "Västra Götalandsregionen"]);
    }

    [Theory, DatabaseProviders]
    public async Task Text_list_shows_date_slug_format_place_title_and_hosts(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await cli.SucceedsAsync("db", "migrate");
        await cli.SucceedsAsync("events", "add", "2026-11-24-digital-traff", "--title", "Digital träff", "--starts", "2026-11-24T12:00", "--online");

        var list = await cli.SucceedsAsync("events", "list");

        list.Out.ShouldContain("2026-11-24 12:00  2026-11-24-digital-traff  traff  online  Digital träff");
        list.Out.ShouldContain("1 event.");
    }

    [Theory, DatabaseProviders]
    public async Task An_event_with_bad_fields_is_refused_with_every_problem(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await cli.SucceedsAsync("db", "migrate");

        var run = await cli.RunAsync("events", "add", "Fel_Kortnamn", "--title", "Något", "--starts", "2026-09-17T17:00",
            "--format", "gala", "--municipality", "99", "--capacity", "-1", "--host", "Okänd organisation");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("The slug “Fel_Kortnamn”");
        run.Error.ShouldContain("Unknown format “gala”");
        run.Error.ShouldContain("“99” is not a municipality code");
        run.Error.ShouldContain("The number of places cannot be negative.");
        run.Error.ShouldContain("The host organisation “Okänd organisation” is not among the organisations.");
        (await cli.SucceedsAsync("events", "list", "--format", "json")).Out.Trim().ShouldBe("[]");
    }

    [Theory, DatabaseProviders]
    public async Task A_start_time_that_is_not_a_date_is_refused_with_the_expected_form(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await cli.SucceedsAsync("db", "migrate");

        var run = await cli.RunAsync("events", "add", "2026-09-17-traff", "--title", "Träff", "--starts", "17 september");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--starts “17 september” must be written as 2026-09-17T17:00");
    }

    [Fact]
    public async Task Missing_title_is_a_usage_error()
    {
        using var cli = new CliSandbox();

        var run = await cli.RunAsync("events", "add", "2026-09-17-traff", "--starts", "2026-09-17T17:00");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--title");
    }
}
