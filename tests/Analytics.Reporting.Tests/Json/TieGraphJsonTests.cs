using System.Text.Json;
using Analytics.Core.Reports;
using Analytics.Reporting.Json;

namespace Analytics.Reporting.Tests.Json;

public class TieGraphJsonTests
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
        JsonSerializer.Serialize(Graph, TieGraphJson.Options).ShouldBe(ByItself(Graph));
        JsonSerializer.Serialize(new TieGraphFigures([], []), TieGraphJson.Options).ShouldBe(ByItself(new TieGraphFigures([], [])));
    }

    [Fact]
    public void Reads_back_what_it_wrote_and_what_the_serializer_wrote_by_itself()
    {
        var read = JsonSerializer.Deserialize<TieGraphFigures>(ByItself(Graph), TieGraphJson.Options);

        read.ShouldBe(Graph);
        read!.Ties[0].Weight.ShouldBe(1.0 / 3, "to the last bit");
        read.Organisations[0].KeySum.ShouldBe(0.25);
    }

    [Fact]
    public void Reads_its_values_in_another_order_and_passes_over_values_it_does_not_know()
    {
        var read = JsonSerializer.Deserialize<TieGraphFigures>(
            """{"ties":[{"weight":0.25,"second":"2","note":{"a":[1,2]},"first":"1"}],"more":[1],"organisations":[]}""", TieGraphJson.Options);

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
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<TieGraphFigures>(json, TieGraphJson.Options));
}
