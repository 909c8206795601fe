using System.Data.Common;
using Analytics.Data.Configuration;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace Analytics.Jobs.Scheduling;

/// <summary>
/// Where Hangfire keeps its queue: beside the data on SQL Server and PostgreSQL, so several web nodes and workers share
/// one queue; in memory for the embedded SQLite default, where every job can be derived again from the database.
/// On a server database, the servers never install Hangfire's schema themselves: two doing so at once can fail, so
/// `analytics db migrate` installs it once (<see cref="InstallSchemaAsync"/>), with the application's schema.
/// </summary>
public static class AnalyticsJobStorage
{
    public static IGlobalConfiguration UseAnalyticsStorage(this IGlobalConfiguration hangfire, DatabaseSettings database, JobSettings jobs) =>
        database.Provider switch
        {
            DatabaseProvider.SqlServer => hangfire.UseSqlServerStorage(database.ConnectionString, SqlServerOptions(jobs, installSchema: false)),
            DatabaseProvider.Postgres => hangfire.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString),
                PostgresOptions(jobs, installSchema: false)),
            _ => hangfire.UseInMemoryStorage(),
        };

    /// <summary>The common Hangfire set-up of every host: serializer settings and storage.</summary>
    public static IGlobalConfiguration UseAnalyticsJobs(this IGlobalConfiguration hangfire, DatabaseSettings database, JobSettings jobs) =>
        hangfire.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings().UseAnalyticsStorage(database, jobs);

    /// <summary>Creates or upgrades Hangfire's tables (schema "hangfire" on PostgreSQL, [HangFire] on SQL Server); SQLite keeps none.</summary>
    public static async Task InstallSchemaAsync(DatabaseSettings database, CancellationToken cancellationToken = default)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                PostgreSqlObjectsInstaller.Install(connection, new PostgreSqlStorageOptions().SchemaName);
                break;
            }
            case DatabaseProvider.SqlServer:
            {
                await using var connection = new SqlConnection(database.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                InstallSqlServerSchema(connection);
                break;
            }
        }
    }

    /// <summary>
    /// Hangfire's install script for SQL Server, on an open connection: schema [HangFire] (Hangfire's default, as the
    /// storage options keep it), with the heavy migrations that upgrade an older Hangfire's tables in place.
    /// </summary>
    public static void InstallSqlServerSchema(DbConnection connection) =>
        SqlServerObjectsInstaller.Install(connection, null, enableHeavyMigrations: true);

    public static PostgreSqlStorageOptions PostgresOptions(JobSettings jobs, bool installSchema)
    {
        var options = new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = installSchema,
            InvisibilityTimeout = jobs.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = jobs.DistributedLockTimeout,
        };
        if (jobs.QueuePollInterval is { } poll) options.QueuePollInterval = poll;
        return options;
    }

    public static SqlServerStorageOptions SqlServerOptions(JobSettings jobs, bool installSchema)
    {
        var options = new SqlServerStorageOptions
        {
            PrepareSchemaIfNecessary = installSchema,
            SlidingInvisibilityTimeout = jobs.InvisibilityTimeout,
        };
        if (jobs.QueuePollInterval is { } poll) options.QueuePollInterval = poll;
        return options;
    }
}
