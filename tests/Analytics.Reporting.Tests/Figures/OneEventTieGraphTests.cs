using Analytics.Core.Reports;
using Analytics.Reporting.Figures;

namespace Analytics.Reporting.Tests.Figures;

/// <summary>An event stores no network when it is exactly the complete graph on its organisations; the check must be exact.</summary>
public class OneEventTieGraphTests
{
    private static readonly Breakdown Organisations = new("organisation",
        [new Tally("40", "Region", 3, 3), new Tally("7", "Stad", 2, 2), new Tally(ReportBuilder.UnmappedOrganisation, "Okänd", 1, 1), new Tally("12", "Skola", 4, 4)]);

    private static TieGraphFigures Complete => ReportBuilder.OneEventTieGraph(Organisations);

    [Fact]
    public void The_complete_graph_is_the_three_pairs_of_the_known_organisations_in_the_order_of_their_ids_and_is_recognised()
    {
        Complete.Ties.ShouldBe([new("7", "12", 0.5), new("7", "40", 0.5), new("12", "40", 0.5)]);
        ReportBuilder.IsOneEventTieGraph(Complete, Organisations).ShouldBeTrue();
    }

    [Fact]
    public void Any_difference_in_a_tie_its_weight_the_order_or_the_nodes_is_not_the_complete_graph()
    {
        var ties = Complete.Ties;
        TieGraphFigures With(params OrganisationTie[] changed) => Complete with { Ties = changed };

        ReportBuilder.IsOneEventTieGraph(With(ties[0], ties[1]), Organisations).ShouldBeFalse("a tie missing");
        ReportBuilder.IsOneEventTieGraph(With(ties[0], ties[1], ties[2] with { Weight = 0.5000001 }), Organisations).ShouldBeFalse("a weight");
        ReportBuilder.IsOneEventTieGraph(With(ties[1], ties[0], ties[2]), Organisations).ShouldBeFalse("the order");
        ReportBuilder.IsOneEventTieGraph(With(ties[0], ties[1], ties[2] with { Second = "41" }), Organisations).ShouldBeFalse("an organisation");
        ReportBuilder.IsOneEventTieGraph(Complete with { Organisations = [.. Complete.Organisations.Take(2)] }, Organisations).ShouldBeFalse("a node");
    }

    [Fact]
    public void An_event_with_one_known_organisation_has_the_empty_network_and_nothing_else()
    {
        var one = new Breakdown("organisation", [new Tally("7", "Stad", 2, 2), new Tally(ReportBuilder.UnmappedOrganisation, "Okänd", 1, 1)]);

        ReportBuilder.IsOneEventTieGraph(new TieGraphFigures([], []), one).ShouldBeTrue();
        ReportBuilder.IsOneEventTieGraph(new TieGraphFigures([one.Tallies[0]], []), one).ShouldBeFalse();
    }
}
