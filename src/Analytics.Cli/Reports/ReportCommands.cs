using System.CommandLine;
using System.Text;
using Analytics.Cli.Hosting;
using Analytics.Core.Events;
using Analytics.Core.Localisation;
using Analytics.Core.Reports;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Json;
using Analytics.Reporting.Snapshots;

namespace Analytics.Cli.Reports;

/// <summary>
/// `analytics report event SLUG` and `analytics report quarter YYYYQn`: the protected report document (json), its tables
/// (csv), or the event report workbook and the quarterly steering pack (xlsx).
/// </summary>
internal static class ReportCommands
{
    public static Command Create(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The event's slug." };
        var quarter = new Argument<string>("quarter") { Description = "The quarter, for example 2026Q1." };
        return new Command("report", "Writes a report, protected by disclosure control.")
        {
            Scoped(host, new Command("event", "The report on one event.") { slug },
                r => new ShowReport.Target(ShowReport.TargetKind.Event, r.GetValue(slug)!)),
            Scoped(host, new Command("quarter", "The report on every event in one quarter; as xlsx, the steering group's pack.") { quarter },
                r => new ShowReport.Target(ShowReport.TargetKind.Quarter, r.GetValue(quarter)!)),
        };
    }

    private static Command Scoped(CliHost host, Command command, Func<ParseResult, ShowReport.Target> target)
    {
        var format = new Option<string>("--format")
        {
            Description = "json (the report document), csv (its tables) or xlsx (a workbook; needs --out).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "csv", "xlsx");
        var output = new Option<string>("--out") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };
        command.Options.Add(format);
        command.Options.Add(output);
        host.SetAction<ShowReport>(command, (handler, r, ct) => handler.RunAsync(target(r), r.GetValue(format)!, r.GetValue(output), ct));
        return command;
    }
}

internal sealed class ShowReport(ExportReader exports, ReportReader reader, ReportRecomputer recomputer, TimeProvider clock, CliOutput output)
{
    public enum TargetKind { Event, Quarter }

    public sealed record Target(TargetKind Kind, string Key);

    public async Task<int> RunAsync(Target target, string format, string? outFile, CancellationToken cancellationToken)
    {
        if (format == "xlsx" && outFile is null)
        {
            await output.Error.WriteLineAsync("An xlsx report is a binary file; give --out FILE to write it.");
            return ExitCodes.Usage;
        }

        ReportScope scope;
        var quarter = default(Quarter);
        if (target.Kind == TargetKind.Event)
        {
            if (!await exports.EventExistsAsync(target.Key, cancellationToken))
            {
                await output.Error.WriteLineAsync($"There is no event “{target.Key}”; see `analytics events list`.");
                return ExitCodes.Rejected;
            }
            scope = ReportScope.ForEvent(target.Key);
        }
        else
        {
            if (!Quarter.TryParse(target.Key, out quarter))
            {
                await output.Error.WriteLineAsync($"“{target.Key}” is not a quarter; write it as, for example, 2026Q1.");
                return ExitCodes.Usage;
            }
            if (!await exports.QuarterHasEventsAsync(quarter, cancellationToken))
            {
                await output.Error.WriteLineAsync($"There are no events in {quarter.Label(english: true)} ({quarter}).");
                return ExitCodes.Rejected;
            }
            scope = ReportScope.ForQuarter(quarter);
        }

        // The command line may wait for a recompute, as the web never does: what it writes is then up to date. Everything
        // stale is recomputed, since a quarter's pack also reads its events' and earlier quarters' snapshots.
        if (await reader.ReadAsync(scope, cancellationToken) is null or { Stale: true })
            await recomputer.RecomputeAsync(all: false, cancellationToken);

        var document = await DocumentAsync(target.Kind, scope, quarter, format, cancellationToken);
        if (document is null)
        {
            await output.Error.WriteLineAsync("The report could not be computed.");
            return ExitCodes.Rejected;
        }

        if (outFile is null)
        {
            using var buffer = new MemoryStream();
            await document(buffer, cancellationToken);
            // Standard output is text: the CSV's byte order mark, there for spreadsheet programs, would only get in the way.
            await output.Out.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF').TrimEnd());
            return ExitCodes.Ok;
        }
        await using (var file = File.Create(outFile))
            await document(file, cancellationToken);
        await output.Out.WriteLineAsync($"Wrote the {scope.Kind} report for {scope.Key} to {Path.GetFullPath(outFile)}.");
        return ExitCodes.Ok;
    }

    /// <summary>Writes the report in the format asked for; null when its snapshots are missing.</summary>
    private async Task<Func<Stream, CancellationToken, Task>?> DocumentAsync(TargetKind kind, ReportScope scope, Quarter quarter, string format,
        CancellationToken cancellationToken)
    {
        if (format == "json")
        {
            if (await reader.ReadAsync(scope, cancellationToken) is not { } published) return null;
            var json = new UTF8Encoding(false).GetBytes(ReportJson.Serialize(published.Report) + Environment.NewLine);
            return (stream, ct) => stream.WriteAsync(json, ct).AsTask();
        }

        // The command line speaks English, and so do the disclosure notes it reads; its files follow.
        var language = Sentences.English ? ExportLanguage.English : ExportLanguage.Swedish;
        var now = clock.GetUtcNow().UtcDateTime;
        var export = kind == TargetKind.Event
            ? await exports.ReadEventAsync(scope.Key, cancellationToken) is { } ev ? EventReportSheets.Build(ev, now, language) : null
            : await exports.ReadQuarterAsync(quarter, cancellationToken) is { } q ? SteeringPackSheets.Build(q, now, language) : null;
        if (export is null) return null;
        var fileFormat = format == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv;
        return (stream, ct) => ExportFiles.WriteAsync(export, fileFormat, language, stream, ct);
    }
}
