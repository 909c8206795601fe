using System.Data.Common;
using Analytics.Data.Configuration;

namespace Analytics.Cli.Hosting;

/// <summary>Names the database for people without revealing secrets: provider and data source or host, never a password.</summary>
internal static class DatabaseDescription
{
    public static string Of(DatabaseSettings settings)
    {
        var provider = settings.Provider.ToString().ToLowerInvariant();
        DbConnectionStringBuilder parts;
        try
        {
            parts = new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString };
        }
        catch (ArgumentException)
        {
            return provider;
        }

        string? Part(params string[] keys) =>
            keys.Select(k => parts.TryGetValue(k, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null)
                .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var where = settings.Provider switch
        {
            DatabaseProvider.Sqlite => Part("Data Source", "DataSource", "Filename"),
            DatabaseProvider.Postgres => Join(Part("Host", "Server"), Part("Port"), Part("Database", "Db")),
            _ => Join(Part("Data Source", "Server", "Address", "Addr"), null, Part("Initial Catalog", "Database")),
        };
        return where is null ? provider : $"{provider}, {where}";
    }

    private static string? Join(string? host, string? port, string? database)
    {
        if (host is null && database is null) return null;
        var server = port is null ? host : $"{host}:{port}";
        return database is null ? server : $"{server}, database {database}";
    }
}
