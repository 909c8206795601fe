using System.Net;
using System.Text.Json;

namespace Analytics.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class ReportEndpointsTests(AnalyticsWebFactory factory)
{
    [Fact]
    public async Task Serves_the_documented_report_document_for_an_event()
    {
        var json = await factory.AdminClient().GetStringAsync("/api/reports/event/2026-03-23-forsta-motet");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        root.GetProperty("scope").GetProperty("kind").GetString().ShouldBe("event");
        root.GetProperty("scope").GetProperty("key").GetString().ShouldBe("2026-03-23-forsta-motet");
        root.GetProperty("k").GetInt32().ShouldBe(5);
        root.GetProperty("participants").GetProperty("registered").GetInt32().ShouldBe(64);
        root.GetProperty("participants").GetProperty("attended").GetInt32().ShouldBe(48);
        root.GetProperty("participants").GetProperty("withProfile").GetInt32().ShouldBe(41);
        var sector = root.GetProperty("dimensions").GetProperty("sector");
        sector.GetProperty("effectiveNumber").GetDouble().ShouldBeGreaterThan(1);
        foreach (var cell in sector.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("suppressed").GetBoolean())
                cell.GetProperty("count").ValueKind.ShouldBe(JsonValueKind.Null);
            else
                cell.GetProperty("count").GetInt32().ShouldBeGreaterThanOrEqualTo(5);
        }
    }

    [Fact]
    public async Task Refuses_a_malformed_quarter_with_a_sentence()
    {
        var response = await factory.AdminClient().GetAsync("/api/reports/quarter/2026-kvartal-1");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("är inget kvartal");
    }

    [Fact]
    public async Task Answers_404_for_an_event_without_a_report()
    {
        var response = await factory.AdminClient().GetAsync("/api/reports/event/finns-inte");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
