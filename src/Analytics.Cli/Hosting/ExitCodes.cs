namespace Analytics.Cli.Hosting;

/// <summary>The exit codes scripts can rely on (DESIGN.md, "The command-line tool").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int Usage = 2;

    /// <summary>Interrupted with Ctrl+C, as shells report a process ended by SIGINT.</summary>
    public const int Cancelled = 130;
}
