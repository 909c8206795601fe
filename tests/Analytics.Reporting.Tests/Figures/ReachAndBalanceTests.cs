using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Reporting.Figures;
using Analytics.Testing;

namespace Analytics.Reporting.Tests.Figures;

/// <summary>
/// Reach and balance of a small network, counted by hand. Four organisations: the region (sector region), Göteborgs Stad
/// and Borås Stad (kommun), and the university (akademi); four events over three quarters:
/// <list type="bullet">
/// <item>hosten, 5 Nov 2025, hosted by the region: a (region), b (Göteborgs Stad);</item>
/// <item>januari, 20 Jan 2026, co-hosted by the region and Göteborgs Stad: a, c (university), d (Borås Stad), e (no profile);</item>
/// <item>mars, 10 Mar 2026, hosted by Göteborgs Stad: c, b, and f, who registered from the state but did not come;</item>
/// <item>april, 15 Apr 2026, hosted by Göteborgs Stad: b and d.</item>
/// </list>
/// </summary>
public class ReachAndBalanceTests
{
    private static async Task<TestDatabase> NetworkAsync(string provider)
    {
        var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var data = new ReportData(db);
        var region = await data.OrganisationAsync("Västra Götalandsregionen", "region");
        var gothenburg = await data.OrganisationAsync("Göteborgs Stad", "kommun");
        var boras = await data.OrganisationAsync("Borås Stad", "kommun");
        var university = await data.OrganisationAsync("Göteborgs universitet", "akademi");
        var a = Someone.WithKey("a").Attended().In("region").From(region);
        var b = Someone.WithKey("b").Attended().In("kommun").From(gothenburg);
        var c = Someone.WithKey("c").Attended().In("akademi").From(university);
        var d = Someone.WithKey("d").Attended().In("kommun").From(boras);

        await data.AddAsync(await data.EventAsync("hosten", new DateTime(2025, 11, 5, 17, 0, 0), region), a, b);
        await data.AddAsync(await data.EventAsync("januari", new DateTime(2026, 1, 20, 17, 0, 0), region, gothenburg),
            a, c, d, Someone.WithKey("e").Attended());
        await data.AddAsync(await data.EventAsync("mars", new DateTime(2026, 3, 10, 17, 0, 0), gothenburg),
            c, b, Someone.WithKey("f").NoShow().In("stat"));
        await data.AddAsync(await data.EventAsync("april", new DateTime(2026, 4, 15, 17, 0, 0), gothenburg), b, d);
        return database;
    }

    private static async Task<ReachFigures> QuarterReachAsync(TestDatabase database, Quarter quarter)
    {
        await using var db = database.Open();
        return (await new ReportBuilder(db).BuildQuarterAsync(quarter)).Reach.ShouldNotBeNull();
    }

    private static async Task<ReachFigures> EventReachAsync(TestDatabase database, string slug)
    {
        await using var db = database.Open();
        return (await new ReportBuilder(db).BuildEventAsync(slug)).ShouldNotBeNull().Reach.ShouldNotBeNull();
    }

    [Theory, DatabaseProviders]
    public async Task Counts_distinct_organisations_sectors_and_municipalities_among_the_counted_with_a_profile(string provider)
    {
        await using var database = await NetworkAsync(provider);

        var spring = await QuarterReachAsync(database, new Quarter(2026, 1));

        // The region, the university, Borås and Göteborg; f from the state did not come, so the state is not reached.
        (spring.Organisations, spring.Sectors, spring.Municipalities).ShouldBe((4, 3, 1));
    }

    [Theory, DatabaseProviders]
    public async Task Counts_an_organisation_as_new_only_in_the_first_period_it_is_seen(string provider)
    {
        await using var database = await NetworkAsync(provider);

        (await QuarterReachAsync(database, new Quarter(2025, 4))).NewOrganisations.ShouldBe(2);
        // The university and Borås; the region and Göteborg came in the autumn.
        (await QuarterReachAsync(database, new Quarter(2026, 1))).NewOrganisations.ShouldBe(2);
        (await QuarterReachAsync(database, new Quarter(2026, 2))).NewOrganisations.ShouldBe(0);
        (await EventReachAsync(database, "januari")).NewOrganisations.ShouldBe(2);
        (await EventReachAsync(database, "mars")).NewOrganisations.ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task Counts_as_returning_those_counted_at_an_earlier_event_in_the_scope_or_before_it(string provider)
    {
        await using var database = await NetworkAsync(provider);

        // a and b from the autumn, c from January to March; d and e come once in the quarter, and f never came.
        (await QuarterReachAsync(database, new Quarter(2026, 1))).ReturningAttendees.ShouldBe(3);
        (await QuarterReachAsync(database, new Quarter(2025, 4))).ReturningAttendees.ShouldBe(0);
        (await EventReachAsync(database, "januari")).ReturningAttendees.ShouldBe(1);
        (await EventReachAsync(database, "april")).ReturningAttendees.ShouldBe(2);
    }

    [Theory, DatabaseProviders]
    public async Task Gives_the_share_of_co_hosted_and_cross_sector_events(string provider)
    {
        await using var database = await NetworkAsync(provider);

        var spring = await QuarterReachAsync(database, new Quarter(2026, 1));

        // January is co-hosted and has three sectors (region, akademi, kommun); March has one host and two sectors.
        (spring.ShareOfCoHostedEvents, spring.ShareOfCrossSectorEvents).ShouldBe((0.5, 0.5));
        (await EventReachAsync(database, "april")).ShareOfCoHostedEvents.ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task Summarises_the_tie_network_with_newman_weights_and_the_sign_of_the_e_i_index(string provider)
    {
        await using var database = await NetworkAsync(provider);

        // January: region, university, Borås, three pairs of 1/2 each; March: university and Göteborg, one pair of 1.
        // Every pair crosses a sector boundary.
        (await QuarterReachAsync(database, new Quarter(2026, 1))).Ties.ShouldBe(new TieNetworkFigures(4, 2.5, 1.0));
        // April: Göteborg and Borås, both kommun, so the only tie stays within a sector.
        (await QuarterReachAsync(database, new Quarter(2026, 2))).Ties.ShouldBe(new TieNetworkFigures(1, 1.0, -1.0));
    }

    [Theory, DatabaseProviders]
    public async Task Counts_every_category_with_a_target_or_with_people_against_its_target(string provider)
    {
        await using var database = await NetworkAsync(provider);
        await using (var db = database.Open())
        {
            var data = new ReportData(db);
            foreach (var (code, share) in new[] { ("kommun", 0.30), ("region", 0.15), ("stat", 0.15) })
                await data.TargetAsync(Dimension.Sector, code, share, isExample: true);
        }
        await using var read = database.Open();

        var figures = await new ReportBuilder(read).BuildQuarterAsync(new Quarter(2026, 1));

        var sector = figures.FindBalance("sector").ShouldNotBeNull();
        (sector.IsExample, sector.Total).ShouldBe((true, 5));
        sector.Categories.ToDictionary(c => c.Code, c => (c.Count, c.Target)).ShouldBe(new Dictionary<string, (int, double)>
        {
            ["kommun"] = (2, 0.30), ["region"] = (1, 0.15), ["stat"] = (0, 0.15), ["akademi"] = (2, 0),
        }, ignoreOrder: true);
        sector.Categories.Single(c => c.Code == "akademi").Label.ShouldBe("Akademi");
        figures.FindBalance("profession").ShouldBeNull();
    }
}
