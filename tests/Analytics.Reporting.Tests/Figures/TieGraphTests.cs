using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Reporting.Figures;
using Analytics.Testing;

namespace Analytics.Reporting.Tests.Figures;

/// <summary>
/// The tie network as the builder stores it. One quarter, two events: in January the region, Göteborgs Stad and the
/// university meet (three organisations, so each pair gets 1/2); in March Göteborgs Stad and the university meet again
/// (one pair, weight 1), with someone who gave no organisation.
/// </summary>
public class TieGraphTests
{
    [Theory, DatabaseProviders]
    public async Task Stores_each_tie_by_organisation_code_with_its_newman_weight_and_the_tallies_of_the_tied(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        string region, gothenburg, university;
        await using (var db = database.Open())
        {
            var data = new ReportData(db);
            var r = await data.OrganisationAsync("Västra Götalandsregionen", "region");
            var g = await data.OrganisationAsync("Göteborgs Stad", "kommun");
            var u = await data.OrganisationAsync("Göteborgs universitet", "akademi");
            (region, gothenburg, university) = (r.Id.ToString(), g.Id.ToString(), u.Id.ToString());
            await data.AddAsync(await data.EventAsync("januari", new DateTime(2026, 1, 20, 17, 0, 0)),
                Someone.WithKey("a").Attended().In("region").From(r), Someone.WithKey("b").Attended().In("kommun").From(g),
                Someone.WithKey("c").Attended().In("akademi").From(u));
            await data.AddAsync(await data.EventAsync("mars", new DateTime(2026, 3, 10, 17, 0, 0)),
                Someone.WithKey("b").Attended().In("kommun").From(g), Someone.WithKey("d").Attended().In("kommun").From(g),
                Someone.WithKey("c").Attended().In("akademi").From(u), Someone.WithKey("e").Attended().In("medborgare"));
        }
        await using var read = database.Open();

        var figures = await new ReportBuilder(read).BuildQuarterAsync(new Quarter(2026, 1));

        var graph = figures.Reach.ShouldNotBeNull().TieGraph.ShouldNotBeNull();
        graph.Ties.Select(t => (Pair(t.First, t.Second), t.Weight)).ShouldBe([
            (Pair(region, gothenburg), 0.5), (Pair(region, university), 0.5), (Pair(gothenburg, university), 1.5),
        ], ignoreOrder: true);
        graph.Organisations.ShouldBe(figures.Find("organisation").ShouldNotBeNull().Tallies, ignoreOrder: true);
        graph.Organisations.Single(o => o.Code == gothenburg).Persons.ShouldBe(2);
        graph.Ties.Sum(t => t.Weight).ShouldBe(figures.Reach.Ties.TotalWeight);
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
