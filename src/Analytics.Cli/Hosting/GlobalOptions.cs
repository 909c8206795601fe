using System.CommandLine;

namespace Analytics.Cli.Hosting;

/// <summary>Options that work on every verb and override the configuration of the same name.</summary>
internal sealed class GlobalOptions
{
    public Option<string> Provider { get; } = new("--provider")
    {
        Description = "Database engine: sqlite, sqlserver or postgres (Database:Provider).",
        Recursive = true,
    };

    public Option<string> Connection { get; } = new("--connection")
    {
        Description = "Connection string to the database (Database:ConnectionString).",
        Recursive = true,
    };

    public Option<string> DataFolder { get; } = new("--data-folder")
    {
        Description = "Folder for the embedded SQLite database and the key file (Database:DataFolder).",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Provider, Connection, DataFolder];

    /// <summary>The configuration keys the options given on this command line set.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings(ParseResult result)
    {
        if (result.GetValue(Provider) is { } provider) yield return new("Database:Provider", provider);
        if (result.GetValue(Connection) is { } connection) yield return new("Database:ConnectionString", connection);
        if (result.GetValue(DataFolder) is { } folder) yield return new("Database:DataFolder", folder);
    }
}
