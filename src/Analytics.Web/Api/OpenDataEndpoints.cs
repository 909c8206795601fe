using System.Globalization;
using Analytics.Core.Disclosure;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Json;
using Analytics.Reporting.Snapshots;

namespace Analytics.Web.Api;

/// <summary>
/// The open data downloads: every completed quarter, protected by the cell-key method, under CC0, as JSON, CSV and
/// Excel. No login: these are the figures the network publishes.
/// </summary>
public static class OpenDataEndpoints
{
    public static void MapOpenDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oppna-data/oppna-data.json", async (ReportReader reader, DisclosureControl disclosure, TimeProvider clock, CancellationToken ct) =>
        {
            var quarters = await reader.ReadPublicQuartersAsync(clock.GetUtcNow().UtcDateTime, ct);
            var json = OpenDataJson.Serialize(quarters.Select(q => (q.Quarter, q.Report)), MethodText.OpenData(disclosure.K));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", "oppna-data.json");
        });
        app.MapGet("/oppna-data/oppna-data.xlsx", (ReportReader reader, DisclosureControl disclosure, TimeProvider clock, CancellationToken ct) =>
            TablesAsync(ExportFormat.Xlsx, reader, disclosure, clock, ct));
        app.MapGet("/oppna-data/oppna-data.csv", (ReportReader reader, DisclosureControl disclosure, TimeProvider clock, CancellationToken ct) =>
            TablesAsync(ExportFormat.Csv, reader, disclosure, clock, ct));
    }

    private static async Task<IResult> TablesAsync(ExportFormat format, ReportReader reader, DisclosureControl disclosure, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quarters = await reader.ReadPublicQuartersAsync(now, ct);
        var language = ExportLanguage.Of(CultureInfo.CurrentUICulture);
        var document = OpenDataSheets.Build(quarters, disclosure.K, now, language);
        return Results.Stream(body => ExportFiles.WriteAsync(document, format, language, body), format.ContentType(),
            $"{(language.IsEnglish ? "open-data" : "oppna-data")}.{format.Extension()}");
    }
}
