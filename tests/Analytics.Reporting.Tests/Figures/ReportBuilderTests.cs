using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Reporting.Figures;
using Analytics.Testing;

namespace Analytics.Reporting.Tests.Figures;

public class ReportBuilderTests
{
    private static readonly Quarter Spring = new(2026, 1);

    private static async Task<ReportFigures> QuarterAsync(TestDatabase database, Quarter quarter)
    {
        await using var db = database.Open();
        return await new ReportBuilder(db).BuildQuarterAsync(quarter);
    }

    private static async Task<ReportFigures> EventAsync(TestDatabase database, string slug)
    {
        await using var db = database.Open();
        return (await new ReportBuilder(db).BuildEventAsync(slug)).ShouldNotBeNull();
    }

    private static async Task ArrangeAsync(TestDatabase database, Func<ReportData, Task> arrange)
    {
        await using var db = database.Open();
        await arrange(new ReportData(db));
    }

    private static Dictionary<string, int> Counts(ReportFigures figures, string dimension) =>
        figures.Find(dimension).ShouldNotBeNull().Tallies.ToDictionary(t => t.Code, t => t.Count);

    [Theory, DatabaseProviders]
    public async Task Counts_attendees_where_attendance_is_known_and_yes_registrations_where_it_is_not(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database, async data =>
        {
            var held = await data.EventAsync("med-narvaro", new DateTime(2026, 2, 10, 17, 0, 0));
            await data.AddAsync(held,
                Someone.WithKey("a").Attended().In("kommun"), Someone.WithKey("b").Attended().In("kommun"),
                Someone.WithKey("c").Attended().In("kommun"), Someone.WithKey("d").NoShow().In("region"),
                Someone.WithKey("e").NoShow().In("region"), Someone.WithKey("f").Declined().In("akademi"));
            var listOnly = await data.EventAsync("utan-narvaro", new DateTime(2026, 2, 20, 17, 0, 0));
            await data.AddAsync(listOnly,
                Someone.WithKey("g").In("stat"), Someone.WithKey("h").In("stat"), Someone.WithKey("i").Declined().In("akademi"),
                Someone.WithKey("j").Waitlisted().In("civilsamhalle"));
        });

        Counts(await EventAsync(database, "med-narvaro"), "sector").ShouldBe(new Dictionary<string, int> { ["kommun"] = 3 });
        Counts(await EventAsync(database, "utan-narvaro"), "sector").ShouldBe(new Dictionary<string, int> { ["stat"] = 2 });
        var quarter = await QuarterAsync(database, Spring);
        Counts(quarter, "sector").ShouldBe(new Dictionary<string, int> { ["kommun"] = 3, ["stat"] = 2 });
        (quarter.Events, quarter.EventsWithAttendance, quarter.Registered, quarter.Attended, quarter.Counted).ShouldBe((2, 1, 7, 3, 5));
        (await EventAsync(database, "utan-narvaro")).Attended.ShouldBeNull();
    }

    [Theory, DatabaseProviders]
    public async Task Counts_guests_in_registered_and_attended_but_never_in_a_breakdown(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database, async data =>
            await data.AddAsync(await data.EventAsync("med-gaster", new DateTime(2026, 2, 10, 17, 0, 0)),
                Someone.WithKey("a").Attended().In("kommun").Bringing(2), Someone.WithKey("b").Attended().In("kommun"),
                Someone.WithKey("c").NoShow().In("region").Bringing(1)));

        var figures = await EventAsync(database, "med-gaster");

        (figures.Registered, figures.Attended, figures.Guests, figures.Counted).ShouldBe((6, 4, 3, 2));
        figures.Breakdowns.ShouldAllBe(b => b.Total <= figures.Counted);
        Counts(figures, "sector").ShouldBe(new Dictionary<string, int> { ["kommun"] = 2 });
    }

    [Theory, DatabaseProviders]
    public async Task Counts_people_without_a_profile_in_the_headcount_but_not_among_those_with_one(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database, async data =>
            await data.AddAsync(await data.EventAsync("blandat", new DateTime(2026, 2, 10, 17, 0, 0)),
                Someone.WithKey("a").Attended().In("kommun"), Someone.WithKey("b").Attended().In("stat"),
                Someone.WithKey("c").Attended().In("stat"), Someone.WithKey("d").Attended(), Someone.Anonymous().Attended()));

        var figures = await EventAsync(database, "blandat");

        (figures.Counted, figures.WithProfile).ShouldBe((5, 3));
        figures.Find("sector").ShouldNotBeNull().Total.ShouldBe(3);
        figures.Find("role").ShouldNotBeNull().Total.ShouldBe(5);
    }

    [Theory, DatabaseProviders]
    public async Task Counts_a_person_at_two_events_of_a_quarter_twice_but_as_one_person(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database, async data =>
        {
            var gothenburg = await data.OrganisationAsync("Göteborgs Stad", "kommun");
            var anna = Someone.WithKey("anna").Attended().In("kommun").From(gothenburg);
            await data.AddAsync(await data.EventAsync("forsta", new DateTime(2026, 1, 15, 17, 0, 0)),
                anna, Someone.WithKey("bo").Attended().In("kommun").From(gothenburg));
            await data.AddAsync(await data.EventAsync("andra", new DateTime(2026, 3, 12, 17, 0, 0)), anna);
        });

        var figures = await QuarterAsync(database, Spring);

        var sector = figures.Find("sector").ShouldNotBeNull().Tallies.ShouldHaveSingleItem();
        (sector.Code, sector.Count, sector.Persons).ShouldBe(("kommun", 3, 2));
        var organisation = figures.Find("organisation").ShouldNotBeNull().Tallies.ShouldHaveSingleItem();
        (organisation.Label, organisation.Count, organisation.Persons, organisation.Group).ShouldBe(("Göteborgs Stad", 3, 2, "kommun"));
    }

    [Theory, DatabaseProviders]
    public async Task Puts_organisations_that_are_not_mapped_yet_in_the_ej_mappad_cell(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database, async data =>
        {
            var gothenburg = await data.OrganisationAsync("Göteborgs Stad", "kommun");
            await data.AddAsync(await data.EventAsync("okanda", new DateTime(2026, 2, 10, 17, 0, 0)),
                Someone.WithKey("a").Attended().In("naringsliv").FromUnmapped("kvistbro forandringsbyra ab"),
                Someone.WithKey("b").Attended().In("naringsliv").FromUnmapped("tangudden tjanstedesign"),
                Someone.WithKey("c").Attended().In("kommun").From(gothenburg));
        });

        var organisations = (await EventAsync(database, "okanda")).Find("organisation").ShouldNotBeNull().Tallies;

        var unmapped = organisations.Single(t => t.Code == ReportBuilder.UnmappedOrganisation);
        (unmapped.Count, unmapped.Persons).ShouldBe((2, 2));
        organisations.Single(t => t.Code != ReportBuilder.UnmappedOrganisation).Label.ShouldBe("Göteborgs Stad");
    }

    [Theory, DatabaseProviders]
    public async Task Draws_quarter_boundaries_in_stockholm_time(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database, async data =>
        {
            // 23:30 on 31 March in Stockholm is 21:30 UTC, and 00:30 on 1 January is still 31 December in UTC.
            foreach (var (slug, starts) in new[]
                     {
                         ("sista-mars", new DateTime(2026, 3, 31, 23, 30, 0)), ("forsta-april", new DateTime(2026, 4, 1, 0, 30, 0)),
                         ("nyarsnatt", new DateTime(2026, 1, 1, 0, 30, 0)),
                     })
                await data.AddAsync(await data.EventAsync(slug, starts), Someone.WithKey(slug).Attended().In("kommun"));
        });

        (await QuarterAsync(database, Spring)).Events.ShouldBe(2);
        (await QuarterAsync(database, new Quarter(2026, 2))).Events.ShouldBe(1);
        (await QuarterAsync(database, new Quarter(2025, 4))).Events.ShouldBe(0);
        Quarter.Containing(Quarter.ToUtc(new DateTime(2026, 3, 31, 23, 30, 0))).ShouldBe(Spring);
    }

    [Theory, DatabaseProviders]
    public async Task Builds_a_host_organisation_from_every_event_it_hosted_or_co_hosted_and_no_other(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        int regionId = 0, cityId = 0;
        await ArrangeAsync(database, async data =>
        {
            var region = await data.OrganisationAsync("Västra Götalandsregionen", "region");
            var city = await data.OrganisationAsync("Göteborgs Stad", "kommun");
            (regionId, cityId) = (region.Id, city.Id);
            await data.AddAsync(await data.EventAsync("egen", new DateTime(2025, 11, 5, 17, 0, 0), region),
                Someone.WithKey("a").Attended().In("region"), Someone.WithKey("b").NoShow().In("stat"));
            await data.AddAsync(await data.EventAsync("tillsammans", new DateTime(2026, 2, 10, 17, 0, 0), region, city),
                Someone.WithKey("a").Attended().In("region"), Someone.WithKey("c").Attended().In("kommun"));
            await data.AddAsync(await data.EventAsync("stadens", new DateTime(2026, 3, 10, 17, 0, 0), city),
                Someone.WithKey("d").In("akademi"));
        });

        await using var db = database.Open();
        var builder = new ReportBuilder(db);
        var region = (await builder.BuildHostAsync(regionId)).ShouldNotBeNull();
        var city = (await builder.BuildHostAsync(cityId)).ShouldNotBeNull();

        region.Scope.ShouldBe(ReportScope.ForHost(regionId));
        (region.Events, region.Registered, region.Attended).ShouldBe((2, 4, 3));
        region.Find("sector").ShouldNotBeNull().Tallies.ToDictionary(t => t.Code, t => (t.Count, t.Persons))
            .ShouldBe(new Dictionary<string, (int, int)> { ["region"] = (2, 1), ["kommun"] = (1, 1) }, ignoreOrder: true);
        (city.Events, city.EventsWithAttendance, city.Counted).ShouldBe((2, 1, 3));
        (await builder.BuildHostAsync(cityId + regionId + 1)).ShouldBeNull();
    }

    [Theory, DatabaseProviders]
    public async Task Splits_speakers_from_the_audience_and_keeps_every_yes_registration_in_the_registered_subset(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await ArrangeAsync(database, async data =>
            await data.AddAsync(await data.EventAsync("panel", new DateTime(2026, 2, 10, 17, 0, 0)),
                Someone.WithKey("talare-1").Speaking().Attended().In("akademi"), Someone.WithKey("talare-2").Speaking().Attended().In("stat"),
                Someone.WithKey("talare-3").Speaking().NoShow().In("naringsliv"), Someone.WithKey("arr").Organising().Attended().In("region"),
                Someone.WithKey("a").Attended().In("kommun"), Someone.WithKey("b").Attended().In("kommun"), Someone.WithKey("c").Attended(),
                Someone.WithKey("d").NoShow().In("civilsamhalle"), Someone.WithKey("e").Declined().In("medborgare")));

        var figures = await EventAsync(database, "panel");

        Dictionary<string, int> Sectors(string subset) =>
            figures.FindSubset(subset).ShouldNotBeNull().Find("sector").ShouldNotBeNull().Tallies.ToDictionary(t => t.Code, t => t.Count);
        Sectors(Subset.Speakers).ShouldBe(new Dictionary<string, int> { ["akademi"] = 1, ["stat"] = 1 }, ignoreOrder: true);
        Sectors(Subset.Audience).ShouldBe(new Dictionary<string, int> { ["kommun"] = 2 });
        Sectors(Subset.Registered).ShouldBe(new Dictionary<string, int>
            { ["akademi"] = 1, ["stat"] = 1, ["naringsliv"] = 1, ["region"] = 1, ["kommun"] = 2, ["civilsamhalle"] = 1 }, ignoreOrder: true);
        var audience = figures.FindSubset(Subset.Audience).ShouldNotBeNull();
        (audience.Counted, audience.WithProfile).ShouldBe((3, 2));
        Counts(figures, "sector").ShouldBe(new Dictionary<string, int> { ["akademi"] = 1, ["stat"] = 1, ["region"] = 1, ["kommun"] = 2 },
            ignoreOrder: true);
        figures.Subsets.Select(s => s.Name).ShouldBe([Subset.Speakers, Subset.Audience, Subset.Registered]);
        figures.Subsets.ShouldAllBe(s => s.Breakdowns.Select(b => b.Dimension).SequenceEqual(new[] { "sector", "profession", "organisation", "municipality" }));
    }

    [Theory, DatabaseProviders]
    public async Task Has_no_figures_for_an_event_that_does_not_exist(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using var db = database.Open();

        (await new ReportBuilder(db).BuildEventAsync("finns-inte")).ShouldBeNull();
    }
}
