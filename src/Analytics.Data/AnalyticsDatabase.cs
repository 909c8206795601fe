using Analytics.Data.Configuration;
using Analytics.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Data;

/// <summary>The provider switch: the one place that knows which database engine is in use.</summary>
public static class AnalyticsDatabase
{
    public static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, DatabaseProvider provider,
        string connectionString) where T : DbContext
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas());
                break;
            case DatabaseProvider.SqlServer:
                // No retrying execution strategy: imports run in their own transaction, which such a strategy refuses.
                // A list in a query goes as one JSON parameter, as in EF 8 and 9: EF 10's default of one parameter per value
                // passes SQL Server's 2,100-parameter limit on lists such as every event's slug at a million participations.
                builder.UseSqlServer(connectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString);
                break;
        }
        return builder;
    }

    /// <summary>Registers <see cref="AnalyticsDbContext"/> for the configured provider.</summary>
    public static IServiceCollection AddAnalyticsDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        _ = settings.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<AnalyticsDbContext, SqliteAnalyticsDbContext>(o =>
                Configure((DbContextOptionsBuilder<SqliteAnalyticsDbContext>)o, settings.Provider, settings.ConnectionString)),
            DatabaseProvider.SqlServer => services.AddDbContext<AnalyticsDbContext, SqlServerAnalyticsDbContext>(o =>
                Configure((DbContextOptionsBuilder<SqlServerAnalyticsDbContext>)o, settings.Provider, settings.ConnectionString)),
            _ => services.AddDbContext<AnalyticsDbContext, PostgresAnalyticsDbContext>(o =>
                Configure((DbContextOptionsBuilder<PostgresAnalyticsDbContext>)o, settings.Provider, settings.ConnectionString)),
        };
        services.AddScoped<Audit.AuditLog>();
        return services;
    }

    /// <summary>A context outside dependency injection, for tests and one-off tools.</summary>
    public static AnalyticsDbContext Open(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteAnalyticsDbContext(
            Configure(new DbContextOptionsBuilder<SqliteAnalyticsDbContext>(), settings.Provider, settings.ConnectionString).Options),
        DatabaseProvider.SqlServer => new SqlServerAnalyticsDbContext(
            Configure(new DbContextOptionsBuilder<SqlServerAnalyticsDbContext>(), settings.Provider, settings.ConnectionString).Options),
        _ => new PostgresAnalyticsDbContext(
            Configure(new DbContextOptionsBuilder<PostgresAnalyticsDbContext>(), settings.Provider, settings.ConnectionString).Options),
    };
}
