namespace Analytics.Cli.Hosting;

/// <summary>
/// Where a verb writes: results to Out (so JSON can be piped), sentences about problems and progress to Error.
/// ErrorIsTerminal says a person watches Error as it is written, rather than a file, pipe or log reading it later.
/// </summary>
public sealed record CliOutput(TextWriter Out, TextWriter Error, bool ErrorIsTerminal = false)
{
    /// <summary>Standard input, for secrets that must not appear in the arguments (`users add --password-stdin`).</summary>
    public TextReader In { get; init; } = Console.In;
}
