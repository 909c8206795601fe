using System.Text.RegularExpressions;

namespace Analytics.Cli.Tests;

/// <summary>The command line speaks English: its help and its own sentences, whatever the data it names.</summary>
public sealed partial class LanguageTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_help_of_every_command_is_English()
    {
        var helped = new List<string>();
        var pending = new Queue<string[]>([[]]);
        while (pending.TryDequeue(out var command))
        {
            var help = await _cli.SucceedsAsync([.. command, "--help"]);

            var name = string.Join(' ', command);
            SwedishIn(help.Out).ShouldBeEmpty($"`analytics {name} --help` reads:\n{help.Out}");
            helped.Add(name);
            foreach (var subcommand in Subcommands(help.Out)) pending.Enqueue([.. command, subcommand]);
        }

        helped.ShouldBe(["", "db", "seed", "events", "users", "import", "recompute", "report", "forecast", "generate", "db migrate", "events add",
            "events list", "users add", "report event", "report quarter", "forecast event", "forecast train"]);
    }

    [Theory]
    [InlineData("'event'", "report", "event")]
    [InlineData("'--title'", "events", "add", "2026-09-17-traff", "--starts", "2026-09-17T17:00")]
    public async Task A_missing_argument_is_an_English_usage_error_naming_it(string missing, params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("required", Case.Insensitive);
        run.Error.ShouldContain(missing);
        run.Error.ShouldContain("Run `analytics --help` for usage.");
        SwedishIn(run.Error).ShouldBeEmpty(run.ToString());
        run.Out.ShouldBeEmpty();
    }

    /// <summary>The commands a help page lists under "Commands:", each line starting with the command's name.</summary>
    private static IEnumerable<string> Subcommands(string help) =>
        help.Split('\n').Select(l => l.TrimEnd('\r'))
            .SkipWhile(l => l != "Commands:").Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ')[0]);

    /// <summary>
    /// Swedish words and letters in text, once the names that keep their Swedish spelling are set aside. The words are
    /// the commonest of Swedish prose that are no English words.
    /// </summary>
    private static List<string> SwedishIn(string text)
    {
        var prose = Names().Replace(text, "");
        return [.. SwedishWords().Matches(prose).Select(m => m.Value), .. SwedishLetters().Matches(prose).Select(m => m.Value)];
    }

    [GeneratedRegex("Västsverige|Göteborg")]
    private static partial Regex Names();

    [GeneratedRegex(@"\b(och|för|inte|är|eller|som|ska|finns|med|av|på|ett|en|till|kan|du|vi|ej)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SwedishWords();

    [GeneratedRegex("[åäöÅÄÖ]")]
    private static partial Regex SwedishLetters();
}
