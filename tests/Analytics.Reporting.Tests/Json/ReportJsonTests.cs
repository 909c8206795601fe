using System.Text.Json;
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
}
