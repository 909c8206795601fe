using System.Text.Json;
using Analytics.Core.Reports;
using Analytics.Reporting.Json;

namespace Analytics.Reporting.Tests.Json;

public class StoredJsonTests
{
    private static readonly TieGraphFigures Graph = new(
        [new Tally("12", "Göteborgs Stad", 40, 31, "kommun", "Kommun", 0.25), new Tally("40", "Västra Götalandsregionen \"VGR\"", 9, 9)],
        [
            new OrganisationTie("12", "40", 1.0 / 3),
            new OrganisationTie("12", "7", 0.5),
            new OrganisationTie("40", "Ö<&>", 1e-7),
            new OrganisationTie("7", "9", 123456.789),
        ]);

    private static string ByItself(TieGraphFigures graph) => JsonSerializer.Serialize(graph, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void Writes_exactly_the_bytes_the_serializer_writes_by_itself_so_stored_networks_keep_their_form()
    {
        JsonSerializer.Serialize(Graph, StoredJson.Networks).ShouldBe(ByItself(Graph));
        JsonSerializer.Serialize(new TieGraphFigures([], []), StoredJson.Networks).ShouldBe(ByItself(new TieGraphFigures([], [])));
    }

    [Fact]
    public void Reads_back_what_it_wrote_and_what_the_serializer_wrote_by_itself()
    {
        var read = JsonSerializer.Deserialize<TieGraphFigures>(ByItself(Graph), StoredJson.Networks);

        read.ShouldBe(Graph);
        read!.Ties[0].Weight.ShouldBe(1.0 / 3, "to the last bit");
        read.Organisations[0].KeySum.ShouldBe(0.25);
    }

    [Fact]
    public void Reads_its_values_in_another_order_and_passes_over_values_it_does_not_know()
    {
        var read = JsonSerializer.Deserialize<TieGraphFigures>(
            """{"ties":[{"weight":0.25,"second":"2","note":{"a":[1,2]},"first":"1"}],"more":[1],"organisations":[]}""", StoredJson.Networks);

        read!.Ties.ShouldBe([new OrganisationTie("1", "2", 0.25)]);
        read.Organisations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"organisations":[],"ties":[{"first":"1","second":"2"}]}""")]
    [InlineData("""{"organisations":[],"ties":[{"first":"1","weight":0.5}]}""")]
    [InlineData("""{"organisations":[],"ties":["1-2"]}""")]
    [InlineData("""{"organisations":[]}""")]
    [InlineData("""[]""")]
    public void Refuses_a_network_without_its_lists_or_a_tie_without_its_three_values(string json) =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<TieGraphFigures>(json, StoredJson.Networks));

    [Fact]
    public void Writes_a_payload_exactly_as_the_serializer_writes_it_by_itself_and_reads_it_back()
    {
        var figures = Protected.Event("2026-03-23-forsta-motet", registered: 64, attended: 48,
            new Breakdown("sector", [new Tally("kommun", "Kommun", 17, 15, null, null, 0.125), new Tally("region", "Region \"VG\" å<&>", 10, 10, "x", "Y", 1e-9)]))
            with { Breakdowns = [new Breakdown("sector", []), new Breakdown("organisation", [Graph.Organisations[0]])] };
        var byItself = JsonSerializer.Serialize(figures, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        JsonSerializer.Serialize(figures, StoredJson.Payloads).ShouldBe(byItself);
        JsonSerializer.Serialize(JsonSerializer.Deserialize<ReportFigures>(byItself, StoredJson.Payloads), StoredJson.Payloads).ShouldBe(byItself);
    }
}
