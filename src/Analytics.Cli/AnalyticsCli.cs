using System.CommandLine;
using System.CommandLine.Invocation;
using System.Data.Common;
using System.Globalization;
using Analytics.Cli.Database;
using Analytics.Cli.Events;
using Analytics.Cli.Hosting;
using Analytics.Cli.Imports;
using Analytics.Cli.Reports;
using Analytics.Cli.Seeding;
using Analytics.Core.Localisation;
using Analytics.Data.Configuration;

namespace Analytics.Cli;

/// <summary>
/// The `analytics` command line. Callable in-process with any writers, so tests run exactly what a person runs.
/// Exit codes: 0 done, 1 input rejected (each reason printed), 2 usage or configuration error.
/// </summary>
public static class AnalyticsCli
{
    public static async Task<int> RunAsync(string[] args, CliOutput output, CancellationToken cancellationToken = default)
    {
        // The importer and the domain tell people things in Swedish on the web and in English on the command line.
        Sentences.UseEnglish();
        // System.CommandLine words its help and parse errors in the machine's UI language where it has a translation;
        // the command line speaks English everywhere. Like Sentences, this holds for this flow of execution only.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var host = new CliHost(output);
        var root = new RootCommand("OTG Analytics: participation and diversity analytics for One Team Gov Västsverige.")
        {
            DatabaseCommands.Create(host),
            SeedCommand.Create(host),
            EventsCommands.Create(host),
            Users.UsersCommands.Create(host),
            ImportCommand.Create(host),
            RecomputeCommand.Create(host),
            ReportCommands.Create(host),
            Forecast.ForecastCommands.Create(host),
            Generate.GenerateCommand.Create(output),
        };
        foreach (var option in host.Options.All) root.Options.Add(option);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine's own messages and typo suggestions, all on standard error and without the full help
            // page, then our exit code.
            if (parsed.Action is ParseErrorAction showErrors) showErrors.ShowHelp = false;
            await parsed.InvokeAsync(new InvocationConfiguration { Output = output.Error, Error = output.Error }, cancellationToken);
            await output.Error.WriteLineAsync("Run `analytics --help` for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            var invocation = new InvocationConfiguration { Output = output.Out, Error = output.Error, EnableDefaultExceptionHandler = false };
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C cancels the verb's token; every verb is safe to run again (imports roll back, seeding resumes).
            await output.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (ConfigurationProblem problem)
        {
            await output.Error.WriteLineAsync(problem.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (DatabaseFailure(e) is { } failure)
        {
            await output.Error.WriteLineAsync($"The database could not be used: {failure.Message.Trim()}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await output.Error.WriteLineAsync($"The file could not be read or written: {e.Message}");
            return ExitCodes.Rejected;
        }
        catch (Exception e)
        {
            // No stack trace for people; the message is what they can act on or report.
            await output.Error.WriteLineAsync($"Unexpected error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Rejected;
        }
    }

    private static DbException? DatabaseFailure(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is DbException failure) return failure;
        return null;
    }
}
