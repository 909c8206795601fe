using System.Globalization;
using Analytics.Core.Events;
using Analytics.Reporting.Exports;
using Analytics.Web.Accounts;

namespace Analytics.Web.Api;

/// <summary>
/// Downloads of the exports, in the page's language: the event report workbook and its tables as CSV, and the quarter's
/// steering pack and its tables as CSV. Read from the stored snapshots, never recomputed on a request.
/// </summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        // An event's export: any role, but only for an event the account sees in detail (EventAccess).
        var events = app.MapGroup("/export/event").AddEndpointFilter(EventAccess.RequireEventFilter).AddEndpointFilter(AuditDownload);
        // The quarter's export is the steering pack: the steering group and admins.
        var export = app.MapGroup("/export").RequireAuthorization(Policies.Packs).AddEndpointFilter(AuditDownload);
        events.MapGet("/{slug}.xlsx", (string slug, ExportReader reader, TimeProvider clock, CancellationToken ct) =>
            EventAsync(slug, ExportFormat.Xlsx, reader, clock, ct));
        events.MapGet("/{slug}.csv", (string slug, ExportReader reader, TimeProvider clock, CancellationToken ct) =>
            EventAsync(slug, ExportFormat.Csv, reader, clock, ct));
        export.MapGet("/quarter/{quarter}.xlsx", (string quarter, ExportReader reader, TimeProvider clock, CancellationToken ct) =>
            QuarterAsync(quarter, ExportFormat.Xlsx, reader, clock, ct));
        export.MapGet("/quarter/{quarter}.csv", (string quarter, ExportReader reader, TimeProvider clock, CancellationToken ct) =>
            QuarterAsync(quarter, ExportFormat.Csv, reader, clock, ct));
    }

    private static async Task<IResult> EventAsync(string slug, ExportFormat format, ExportReader reader, TimeProvider clock, CancellationToken ct)
    {
        if (await reader.ReadEventAsync(slug, ct) is not { } export)
            return await reader.EventExistsAsync(slug, ct)
                ? NotYet()
                : Results.Problem($"Det finns inget evenemang ”{slug}”.", statusCode: StatusCodes.Status404NotFound);
        var language = Language();
        return File(EventReportSheets.Build(export, clock.GetUtcNow().UtcDateTime, language), format, language,
            ExportFiles.EventFileName(slug, format));
    }

    private static async Task<IResult> QuarterAsync(string text, ExportFormat format, ExportReader reader, TimeProvider clock, CancellationToken ct)
    {
        if (!Quarter.TryParse(text, out var quarter))
            return Results.Problem($"”{text}” är inget kvartal; skriv till exempel 2026Q1.", statusCode: StatusCodes.Status400BadRequest);
        if (await reader.ReadQuarterAsync(quarter, ct) is not { } export)
            return await reader.QuarterHasEventsAsync(quarter, ct)
                ? NotYet()
                : Results.Problem($"Det finns inga evenemang under {quarter.Label()}.", statusCode: StatusCodes.Status404NotFound);
        var language = Language();
        return File(SteeringPackSheets.Build(export, clock.GetUtcNow().UtcDateTime, language), format, language,
            ExportFiles.QuarterFileName(quarter, format, language));
    }

    /// <summary>The request's language, as the pages follow it (?culture=en-GB or the language cookie).</summary>
    private static ExportLanguage Language() => ExportLanguage.Of(CultureInfo.CurrentUICulture);

    /// <summary>A workbook is built whole (it is small); CSV is streamed to the response as it is written.</summary>
    private static IResult File(ExportDocument document, ExportFormat format, ExportLanguage language, string fileName) =>
        Results.Stream(body => ExportFiles.WriteAsync(document, format, language, body), format.ContentType(), fileName);

    /// <summary>A download that is served (not refused or missing) leaves one audit entry: who, and which file by its path.</summary>
    private static async ValueTask<object?> AuditDownload(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is not Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)
        {
            var http = context.HttpContext;
            await http.RequestServices.GetRequiredService<Analytics.Data.Audit.AuditLog>().WriteAsync(Actor.Of(http.User),
                Analytics.Core.Audit.AuditActions.ExportDownloaded, http.Request.Path.Value, cancellationToken: http.RequestAborted);
        }
        return result;
    }

    private static IResult NotYet() =>
        Results.Problem("Rapporten beräknas fortfarande. Försök igen om en stund.", statusCode: StatusCodes.Status404NotFound);
}
