using Analytics.Data.Configuration;
using Hangfire;
using Hangfire.PostgreSql;

namespace Analytics.Jobs.Scheduling;

/// <summary>
/// Where Hangfire keeps its queue: beside the data on SQL Server and PostgreSQL, so several web nodes and workers share
/// one queue; in memory for the embedded SQLite default, where every job can be derived again from the database.
/// </summary>
public static class AnalyticsJobStorage
{
    public static IGlobalConfiguration UseAnalyticsStorage(this IGlobalConfiguration hangfire, DatabaseSettings database) =>
        database.Provider switch
        {
            DatabaseProvider.SqlServer => hangfire.UseSqlServerStorage(database.ConnectionString),
            DatabaseProvider.Postgres => hangfire.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString)),
            _ => hangfire.UseInMemoryStorage(),
        };

    /// <summary>The common Hangfire set-up of every host: serializer settings and storage.</summary>
    public static IGlobalConfiguration UseAnalyticsJobs(this IGlobalConfiguration hangfire, DatabaseSettings database) =>
        hangfire.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings().UseAnalyticsStorage(database);
}
