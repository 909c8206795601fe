using System.CommandLine;
using System.Text;
using Analytics.Cli.Hosting;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Data;
using Analytics.Reporting.Json;
using Analytics.Reporting.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Reports;

/// <summary>`analytics report event SLUG` and `analytics report quarter YYYYQn`: the protected report document.</summary>
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
            Scoped(host, new Command("quarter", "The report on every event in one quarter.") { quarter },
                r => new ShowReport.Target(ShowReport.TargetKind.Quarter, r.GetValue(quarter)!)),
        };
    }

    private static Command Scoped(CliHost host, Command command, Func<ParseResult, ShowReport.Target> target)
    {
        var format = new Option<string>("--format") { Description = "Output format; only json so far (csv and xlsx come later).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "xlsx");
        var output = new Option<string>("--out") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };
        command.Options.Add(format);
        command.Options.Add(output);
        host.SetAction<ShowReport>(command, (handler, r, ct) => handler.RunAsync(target(r), r.GetValue(format)!, r.GetValue(output), ct));
        return command;
    }
}

internal sealed class ShowReport(AnalyticsDbContext db, ReportReader reader, ReportRecomputer recomputer, CliOutput output)
{
    public enum TargetKind { Event, Quarter }

    public sealed record Target(TargetKind Kind, string Key);

    public async Task<int> RunAsync(Target target, string format, string? outFile, CancellationToken cancellationToken)
    {
        if (format != "json")
        {
            await output.Error.WriteLineAsync($"The {format} format is not available on the command line yet; use --format json.");
            return ExitCodes.Usage;
        }

        ReportScope scope;
        if (target.Kind == TargetKind.Event)
        {
            if (!await db.Events.AnyAsync(e => e.Slug == target.Key, cancellationToken))
            {
                await output.Error.WriteLineAsync($"There is no event “{target.Key}”; see `analytics events list`.");
                return ExitCodes.Rejected;
            }
            scope = ReportScope.ForEvent(target.Key);
        }
        else
        {
            if (!Quarter.TryParse(target.Key, out var quarter))
            {
                await output.Error.WriteLineAsync($"“{target.Key}” is not a quarter; write it as, for example, 2026Q1.");
                return ExitCodes.Usage;
            }
            if (!await db.Events.AnyAsync(e => e.StartsAtUtc >= quarter.StartUtc && e.StartsAtUtc < quarter.EndUtc, cancellationToken))
            {
                await output.Error.WriteLineAsync($"There are no events in {quarter.Label(english: true)} ({quarter}).");
                return ExitCodes.Rejected;
            }
            scope = ReportScope.ForQuarter(quarter);
        }

        var published = await reader.ReadAsync(scope, cancellationToken);
        if (published is null || published.Stale)
        {
            await recomputer.RecomputeAsync(scope, cancellationToken);
            published = await reader.ReadAsync(scope, cancellationToken);
        }
        if (published is null)
        {
            await output.Error.WriteLineAsync("The report could not be computed.");
            return ExitCodes.Rejected;
        }

        var json = ReportJson.Serialize(published.Report);
        if (outFile is null)
        {
            await output.Out.WriteLineAsync(json);
            return ExitCodes.Ok;
        }
        await File.WriteAllTextAsync(outFile, json + Environment.NewLine, new UTF8Encoding(false), cancellationToken);
        await output.Out.WriteLineAsync($"Wrote the {scope.Kind} report for {scope.Key} to {Path.GetFullPath(outFile)}.");
        return ExitCodes.Ok;
    }
}
