using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Reporting.Json;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Accounts;

namespace Analytics.Web.Api;

/// <summary>The report documents as JSON: the same document `analytics report ... --format json` prints.</summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports");
        api.MapGet("/event/{slug}", (string slug, ReportReader reader, CancellationToken ct) => Serve(reader, ReportScope.ForEvent(slug), ct))
            .AddEndpointFilter(EventAccess.RequireEventFilter);
        api.MapGet("/quarter/{quarter}", (string quarter, ReportReader reader, CancellationToken ct) =>
            Quarter.TryParse(quarter, out var q)
                ? Serve(reader, ReportScope.ForQuarter(q), ct)
                : Task.FromResult(Results.Problem($"”{quarter}” är inget kvartal; skriv till exempel 2026Q1.", statusCode: 400)));
    }

    private static async Task<IResult> Serve(ReportReader reader, ReportScope scope, CancellationToken ct) =>
        await reader.ReadAsync(scope, ct) is { } published
            ? Results.Text(ReportJson.Serialize(published.Report), "application/json; charset=utf-8")
            : Results.Problem("Det finns ingen rapport för det här urvalet ännu.", statusCode: 404);
}
