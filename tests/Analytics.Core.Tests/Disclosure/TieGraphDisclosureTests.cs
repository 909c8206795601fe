using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Core.Disclosure;
using Analytics.Core.Reports;

namespace Analytics.Core.Tests.Disclosure;

/// <summary>
/// The tie network of a small quarter: Göteborgs Stad (12 people) and Västra Götalandsregionen (8) are large enough to
/// be named; Borås Stad (3) and Alingsås kommun (2) are small municipalities, Chalmers (4) a small university.
/// </summary>
public class TieGraphDisclosureTests
{
    private static readonly DisclosureControl Control = new(new DisclosureOptions { K = 5 });

    private static readonly Tally Gothenburg = Organisation("gbg", "Göteborgs Stad", "kommun", "Kommun", 12);
    private static readonly Tally Region = Organisation("vgr", "Västra Götalandsregionen", "region", "Region", 8);
    private static readonly Tally Boras = Organisation("boras", "Borås Stad", "kommun", "Kommun", 3);
    private static readonly Tally Alingsas = Organisation("alingsas", "Alingsås kommun", "kommun", "Kommun", 2);
    private static readonly Tally Chalmers = Organisation("chalmers", "Chalmers", "akademi", "Akademi", 4);

    private static readonly TieGraphFigures Quarter = new([Gothenburg, Region, Boras, Alingsas, Chalmers],
    [
        new OrganisationTie("gbg", "boras", 1.0),
        new OrganisationTie("alingsas", "gbg", 0.5),
        new OrganisationTie("alingsas", "boras", 0.5),
        new OrganisationTie("chalmers", "vgr", 0.5),
        new OrganisationTie("chalmers", "gbg", 0.5),
        new OrganisationTie("boras", "vgr", 0.25),
    ]);

    private static Tally Organisation(string code, string name, string sector, string sectorLabel, int persons) =>
        new(code, name, persons, persons, sector, sectorLabel);

    [Fact]
    public void Names_only_organisations_with_at_least_k_people_and_merges_the_rest_of_each_sector()
    {
        var graph = Control.Protect(Quarter, withProfile: 40);

        graph.Withheld.ShouldBeFalse();
        graph.Nodes.Select(n => (n.Label, n.Merged)).ShouldBe([
            ("Västra Götalandsregionen", false),
            ("Göteborgs Stad", false),
            ("Övriga organisationer inom kommun", true),
            ("Övriga organisationer inom akademi", true),
        ]);
        var everything = JsonSerializer.Serialize(graph);
        foreach (var small in new[] { "Borås", "Alingsås", "Chalmers", "boras", "alingsas", "chalmers" })
            everything.ShouldNotContain(small);
    }

    [Fact]
    public void Names_an_organisation_with_exactly_k_people()
    {
        var graph = Control.Protect(Quarter with { Organisations = [Gothenburg, Region, Boras, Alingsas, Chalmers with { Persons = 5 }] },
            withProfile: 40);

        graph.Nodes.ShouldContain(n => n.Label == "Chalmers" && !n.Merged);
    }

    [Fact]
    public void Adds_up_the_newman_weights_of_the_ties_between_the_same_two_nodes()
    {
        var graph = Control.Protect(Quarter, withProfile: 40);

        graph.Ties.Select(t => (t.First, t.Second, t.Weight)).ShouldBe([
            ("gbg", "ovriga:kommun", 1.5),
            ("gbg", "ovriga:akademi", 0.5),
            ("ovriga:akademi", "vgr", 0.5),
            ("ovriga:kommun", "vgr", 0.25),
        ]);
        // Every weight is kept but the 0.5 between Borås and Alingsås, who are the same merged node.
        graph.Ties.Sum(t => t.Weight).ShouldBe(Quarter.Ties.Sum(t => t.Weight) - 0.5, tolerance: 1e-9);
        graph.Note.ShouldContain("samma sammanslagna nod");
    }

    [Fact]
    public void Carries_no_count_of_persons_only_weights()
    {
        Type[] counts = [typeof(int), typeof(int?), typeof(long), typeof(long?)];

        typeof(ProtectedTieNode).GetProperties().ShouldAllBe(p => !counts.Contains(p.PropertyType));
        typeof(ProtectedTie).GetProperties().ShouldAllBe(p => !counts.Contains(p.PropertyType));
        // AllTies counts ties, pairs of nodes the network shows (the count of Ties before the cut), never persons.
        typeof(ProtectedTieGraph).GetProperties().Where(p => p.Name != nameof(ProtectedTieGraph.AllTies))
            .ShouldAllBe(p => !counts.Contains(p.PropertyType));
    }

    [Fact]
    public void Withholds_the_network_below_ten_people_with_a_profile_like_the_e_i_index()
    {
        var graph = Control.Protect(Quarter, withProfile: 9);

        (graph.Withheld, graph.Nodes.Count, graph.Ties.Count).ShouldBe((true, 0, 0));
        graph.Note.ShouldBe("Nätverket visas först när minst 10 personer har delat sin profil.");
    }

    [Fact]
    public void Withholds_a_network_that_fewer_than_k_people_stand_behind()
    {
        var pair = new TieGraphFigures([Boras, Alingsas with { Group = "region", GroupLabel = "Region", Persons = 1 }],
            [new OrganisationTie("alingsas", "boras", 1.0)]);

        var graph = Control.Protect(pair, withProfile: 30);

        graph.Withheld.ShouldBeTrue();
        graph.Nodes.ShouldBeEmpty();
    }

    [Fact]
    public void Loads_a_snapshot_stored_before_the_network_existed_and_shows_no_network()
    {
        var figures = Breakdowns.Event("gammal", registered: 40, attended: 40, withProfile: 29, Breakdowns.Sector(29)) with
        {
            Reach = new ReachFigures(5, 3, 2, 1, 0, 0.5, 0.5, new TieNetworkFigures(6, 3.25, 0.2)) { TieGraph = Quarter },
        };
        // The snapshot payload is figures as web JSON (Analytics.Reporting.Json.ReportJson); older ones lack tieGraph.
        var payload = JsonNode.Parse(JsonSerializer.Serialize(figures, JsonSerializerOptions.Web))!.AsObject();
        payload["reach"]!.AsObject().Remove("tieGraph").ShouldBeTrue();

        var old = JsonSerializer.Deserialize<ReportFigures>(payload.ToJsonString(), JsonSerializerOptions.Web).ShouldNotBeNull();
        var reach = Control.Protect(old).Reach.ShouldNotBeNull();

        old.Reach.ShouldNotBeNull().TieGraph.ShouldBeNull();
        reach.Ties.Count.ShouldBe(6);
    }

    [Fact]
    public void Reads_back_a_stored_network_equal_to_the_one_written()
    {
        var json = JsonSerializer.Serialize(Quarter, JsonSerializerOptions.Web);

        JsonSerializer.Deserialize<TieGraphFigures>(json, JsonSerializerOptions.Web).ShouldBe(Quarter);
    }
    [Fact]
    public void Keeps_the_strongest_ties_of_the_protected_network_their_nodes_and_the_count_of_all()
    {
        var whole = Control.Protect(Quarter, withProfile: 40);

        var strongest = whole.Strongest(2);

        strongest.Ties.ShouldBe(whole.Ties.Take(2));
        strongest.AllTies.ShouldBe(whole.Ties.Count);
        whole.AllTies.ShouldBe(whole.Ties.Count);
        var tied = strongest.Ties.SelectMany(t => new[] { t.First, t.Second }).ToHashSet();
        // Only nodes the kept ties join, in the whole network's order, and none the whole network does not show.
        strongest.Nodes.ShouldBe(whole.Nodes.Where(n => tied.Contains(n.Code)));
        (strongest.Withheld, strongest.Note).ShouldBe((false, whole.Note));
        whole.Strongest(whole.Ties.Count).ShouldBeSameAs(whole);
    }

    [Fact]
    public void Cuts_a_withheld_network_to_itself()
    {
        var withheld = Control.Protect(Quarter, withProfile: 3);

        withheld.Strongest(1).ShouldBeSameAs(withheld);
    }
}
