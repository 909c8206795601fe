using Microsoft.Extensions.Configuration;

namespace Analytics.Data.Configuration;

/// <summary>The resolved provider and connection string, checked once at start-up.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataFolder)
{
    public bool IsEmbeddedDefault { get; init; }

    /// <summary>
    /// Reads Database:Provider and the connection string (Database:ConnectionString or ConnectionStrings:Analytics). With
    /// neither given it is the embedded default: a SQLite file in the data folder.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Database");
        var options = new DatabaseOptions
        {
            Provider = section["Provider"],
            ConnectionString = section["ConnectionString"],
            DataFolder = section["DataFolder"],
        };
        var dataFolder = options.DataFolder is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "otg-analytics");
        var connection = options.ConnectionString is { Length: > 0 } cs ? cs : configuration.GetConnectionString("Analytics");
        var provider = ParseProvider(options.Provider);

        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connection))
        {
            Directory.CreateDirectory(dataFolder);
            return new DatabaseSettings(provider, $"Data Source={Path.Combine(dataFolder, "analytics.db")}", dataFolder) { IsEmbeddedDefault = true };
        }
        if (string.IsNullOrWhiteSpace(connection))
            throw new ConfigurationProblem(DataMessages.Say(
                "Database:Provider är {0} men ingen anslutningssträng är angiven; sätt Database:ConnectionString (eller ANALYTICS_Database__ConnectionString, eller --connection).",
                options.Provider));
        return new DatabaseSettings(provider, connection, dataFolder);
    }

    public static DatabaseProvider ParseProvider(string? name) => (name ?? "sqlite").Trim().ToLowerInvariant() switch
    {
        "sqlite" or "" => DatabaseProvider.Sqlite,
        "sqlserver" or "mssql" or "sql-server" => DatabaseProvider.SqlServer,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new ConfigurationProblem(
            DataMessages.Say("Okänd databas ”{0}” i Database:Provider; välj sqlite, sqlserver eller postgres.", name)),
    };
}
