namespace Analytics.Cli.Hosting;

/// <summary>Where a verb writes: results to Out (so JSON can be piped), sentences about problems to Error.</summary>
internal sealed record CliOutput(TextWriter Out, TextWriter Error);
