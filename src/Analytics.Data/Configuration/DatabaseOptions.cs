namespace Analytics.Data.Configuration;

/// <summary>Which database to use: configuration section "Database", or --provider/--connection on the command line.</summary>
public sealed class DatabaseOptions
{
    /// <summary>sqlite (the embedded default), sqlserver or postgres.</summary>
    public string? Provider { get; set; }
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded default keeps its database and key file.</summary>
    public string? DataFolder { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}

/// <summary>A configuration mistake, told in one sentence that a person can act on. Hosts print it and exit.</summary>
public sealed class ConfigurationProblem(string message) : Exception(message);
