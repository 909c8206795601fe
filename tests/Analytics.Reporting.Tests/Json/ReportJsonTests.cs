using System.Text.Json;
using Analytics.Core.Reports;
using Analytics.Reporting.Json;

namespace Analytics.Reporting.Tests.Json;

public class ReportJsonTests
{
    private const string Slug = "2026-03-23-forsta-motet";

    private static string FirstMeetingJson() => ReportJson.Serialize(Protected.Report(Protected.Event(Slug, registered: 64, attended: 48,
        Protected.Sectors(("kommun", 17), ("region", 10), ("stat", 9), ("civilsamhalle", 3), ("naringsliv", 2)))));

    [Fact]
    public void Writes_the_documented_report_document()
    {
        using var document = JsonDocument.Parse(FirstMeetingJson());
        var root = document.RootElement;

        root.GetProperty("scope").GetProperty("kind").GetString().ShouldBe("event");
        root.GetProperty("scope").GetProperty("key").GetString().ShouldBe(Slug);
        root.GetProperty("k").GetInt32().ShouldBe(5);
        var participants = root.GetProperty("participants");
        (participants.GetProperty("registered").GetInt32(), participants.GetProperty("attended").GetInt32(),
            participants.GetProperty("withProfile").GetInt32()).ShouldBe((64, 48, 41));

        var sector = root.GetProperty("dimensions").GetProperty("sector");
        sector.GetProperty("total").GetInt32().ShouldBe(41);
        foreach (var index in new[] { "effectiveNumber", "blau", "evenness" })
            sector.GetProperty(index).ValueKind.ShouldBe(JsonValueKind.Number, index);
        var cells = sector.GetProperty("cells").EnumerateArray().ToList();
        cells.ShouldAllBe(c => c.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "code", "label", "count", "share", "suppressed" }));

        var kommun = cells.Single(c => c.GetProperty("code").GetString() == "kommun");
        (kommun.GetProperty("label").GetString(), kommun.GetProperty("count").GetInt32(), kommun.GetProperty("share").GetDouble(),
            kommun.GetProperty("suppressed").GetBoolean()).ShouldBe(("Kommun", 17, 0.415, false));
        var civilSociety = cells.Single(c => c.GetProperty("code").GetString() == "civilsamhalle");
        (civilSociety.GetProperty("count").ValueKind, civilSociety.GetProperty("share").ValueKind, civilSociety.GetProperty("suppressed").GetBoolean())
            .ShouldBe((JsonValueKind.Null, JsonValueKind.Null, true));
    }

    [Fact]
    public void Writes_a_ring_a_umlaut_and_o_umlaut_as_they_are()
    {
        var json = FirstMeetingJson();

        json.ShouldContain("Civilsamhälle");
        json.ShouldContain("Näringsliv");
        json.ShouldNotContain("\\u00");
    }

    [Fact]
    public void Writes_speakers_and_audience_under_subsets_each_protected_and_leaves_the_dimensions_of_the_whole_as_they_were()
    {
        var audience = Protected.Sectors(("kommun", 15), ("region", 10), ("stat", 8));
        var speakers = Protected.Sectors(("akademi", 2), ("stat", 1));
        var figures = Protected.Event(Slug, registered: 40, attended: 36, Protected.Sectors(("kommun", 15), ("region", 10), ("stat", 9), ("akademi", 2))) with
        {
            Subsets = [new Subset(Subset.Speakers, 3, 3, [speakers]), new Subset(Subset.Audience, 33, 33, [audience])],
        };

        using var document = JsonDocument.Parse(ReportJson.Serialize(Protected.Report(figures)));
        var root = document.RootElement;

        root.GetProperty("dimensions").GetProperty("sector").GetProperty("total").GetInt32().ShouldBe(36);
        var subsets = root.GetProperty("subsets");
        subsets.EnumerateObject().Select(p => p.Name).ShouldBe([Subset.Speakers, Subset.Audience]);
        var speakerSectors = subsets.GetProperty(Subset.Speakers).GetProperty("dimensions").GetProperty("sector");
        (speakerSectors.GetProperty("withheld").GetBoolean(), speakerSectors.GetProperty("cells").GetArrayLength()).ShouldBe((true, 0));
        subsets.GetProperty(Subset.Speakers).GetProperty("counted").ValueKind.ShouldBe(JsonValueKind.Null);
        var audienceSectors = subsets.GetProperty(Subset.Audience).GetProperty("dimensions").GetProperty("sector");
        // The whole has 9 from the state and the audience 8: the one speaker from the state would show, so that cell is
        // hidden, and the next smallest with it.
        audienceSectors.GetProperty("cells").EnumerateArray().Select(c => (c.GetProperty("code").GetString(), c.GetProperty("suppressed").GetBoolean()))
            .ShouldBe([("kommun", false), ("region", true), ("stat", true)]);
        subsets.GetProperty(Subset.Audience).GetProperty("withProfile").GetInt32().ShouldBe(33);
    }

    [Fact]
    public void Writes_reach_and_balance_beside_the_documented_members()
    {
        var sectors = Protected.Sectors(("kommun", 17), ("region", 10), ("stat", 9), ("civilsamhalle", 3), ("naringsliv", 2));
        var figures = Protected.Event(Slug, registered: 64, attended: 48, sectors) with
        {
            Reach = new ReachFigures(12, 5, 7, 3, 20, 1, 0, new TieNetworkFigures(30, 11.5, 0.4)),
            Balance = [new BalanceFigures("sector", IsExample: true, sectors.Total,
                [.. sectors.Tallies.Select(t => new BalanceCount(t.Code, t.Label, t.Count, 0.2))])],
        };

        using var document = JsonDocument.Parse(ReportJson.Serialize(Protected.Report(figures)));
        var root = document.RootElement;

        root.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["scope", "k", "events", "eventsWithAttendance", "participants", "dimensions", "subsets", "reach", "balance", "method"]);
        var reach = root.GetProperty("reach");
        reach.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "organisations", "sectors", "municipalities", "newOrganisations", "returningAttendees", "shareOfCrossSectorEvents",
            "shareOfCoHostedEvents", "ties", "note",
        ]);
        (reach.GetProperty("organisations").GetInt32(), reach.GetProperty("returningAttendees").GetInt32()).ShouldBe((12, 20));
        reach.GetProperty("ties").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble()))
            .ShouldBe([("count", 30), ("totalWeight", 11.5), ("eiIndex", 0.4)]);

        var sector = root.GetProperty("balance").GetProperty("sector");
        sector.EnumerateObject().Select(p => p.Name).ShouldBe(["dissimilarity", "isExample", "cells", "withheld", "note"]);
        (sector.GetProperty("dissimilarity").ValueKind, sector.GetProperty("isExample").GetBoolean()).ShouldBe((JsonValueKind.Null, true));
        var cells = sector.GetProperty("cells").EnumerateArray().ToList();
        cells.ShouldAllBe(c => c.EnumerateObject().Select(p => p.Name)
            .SequenceEqual(new[] { "code", "label", "count", "share", "low", "high", "target", "gap", "ratio", "suppressed" }));
        var kommun = cells.Single(c => c.GetProperty("code").GetString() == "kommun");
        (kommun.GetProperty("count").GetInt32(), kommun.GetProperty("share").GetDouble(), kommun.GetProperty("gap").GetDouble(),
            kommun.GetProperty("suppressed").GetBoolean()).ShouldBe((17, 0.415, 0.215, false));
        var civilSociety = cells.Single(c => c.GetProperty("code").GetString() == "civilsamhalle");
        (civilSociety.GetProperty("share").ValueKind, civilSociety.GetProperty("target").GetDouble(), civilSociety.GetProperty("suppressed").GetBoolean())
            .ShouldBe((JsonValueKind.Null, 0.2, true));
    }
}
