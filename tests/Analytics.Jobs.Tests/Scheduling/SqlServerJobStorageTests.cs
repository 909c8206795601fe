using System.Data;
using System.Data.Common;
using Analytics.Data.Configuration;
using Analytics.Jobs.Scheduling;
using Hangfire;
using Hangfire.SqlServer;
using Microsoft.Extensions.Configuration;

namespace Analytics.Jobs.Tests.Scheduling;

/// <summary>
/// The job storage a SQL Server deployment gets, checked without a SQL Server (none can run on the build machines): the
/// storage type and the options the product sets from Jobs:*, and the script the schema install sends, taken from a
/// connection that records commands instead of sending them. Nothing here has run against a live SQL Server.
/// </summary>
public sealed class SqlServerJobStorageTests
{
    /// <summary>No server: port 1 on loopback refuses at once, where a name that does not resolve can take seconds to fail.</summary>
    private const string NoServer = "Server=tcp:127.0.0.1,1;Database=analytics;User Id=nobody;Password=none;Connect Timeout=3;ConnectRetryCount=0";

    private static DatabaseSettings SqlServer() => DatabaseSettings.From(Configuration(("Database:Provider", "sqlserver"), ("Database:ConnectionString", NoServer)));

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void The_sql_server_provider_keeps_its_jobs_in_sql_server_storage_on_the_same_database()
    {
        var database = SqlServer();
        database.Provider.ShouldBe(DatabaseProvider.SqlServer);

        // Hangfire's Use...Storage also sets the process-wide JobStorage.Current: put back whatever was there.
        JobStorage? before = null;
        try { before = JobStorage.Current; } catch (InvalidOperationException) { }
        try
        {
            var configured = new NoGlobalConfiguration().UseAnalyticsJobs(database, JobSettings.From(Configuration()));

            // Made without a server: Hangfire's one try at reading the schema version (TryAutoDetectSchemaDependentOptions)
            // is refused, logged and passed over, as it would be on a node started before its database.
            var storage = configured.ShouldBeAssignableTo<IGlobalConfiguration<JobStorage>>().ShouldNotBeNull().Entry
                .ShouldBeOfType<SqlServerStorage>();
            storage.ToString().ShouldBe("SQL Server: tcp:127.0.0.1,1@analytics");
        }
        finally
        {
            if (before is not null) JobStorage.Current = before;
        }
    }

    [Fact]
    public void The_sql_server_options_never_install_the_schema_and_take_the_jobs_settings()
    {
        var defaults = AnalyticsJobStorage.SqlServerOptions(JobSettings.From(Configuration()), installSchema: false);

        defaults.PrepareSchemaIfNecessary.ShouldBeFalse("servers never install Hangfire's schema; `analytics db migrate` does");
        defaults.SlidingInvisibilityTimeout.ShouldBe(TimeSpan.FromMinutes(5), "Jobs:InvisibilityTimeout's default");
        defaults.QueuePollInterval.ShouldBe(new SqlServerStorageOptions().QueuePollInterval, "Hangfire's own default when unset");
        defaults.SchemaName.ShouldBe("HangFire", "the schema the install script creates");

        var set = AnalyticsJobStorage.SqlServerOptions(JobSettings.From(Configuration(
            ("Jobs:InvisibilityTimeout", "00:00:30"), ("Jobs:QueuePollInterval", "00:00:02"))), installSchema: false);
        set.SlidingInvisibilityTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        set.QueuePollInterval.ShouldBe(TimeSpan.FromSeconds(2));
        set.PrepareSchemaIfNecessary.ShouldBeFalse();

        AnalyticsJobStorage.SqlServerOptions(JobSettings.From(Configuration()), installSchema: true).PrepareSchemaIfNecessary.ShouldBeTrue();
    }

    [Fact]
    public void The_schema_install_sends_hangfires_sql_server_script_for_the_hangfire_schema()
    {
        using var connection = new RecordingConnection();

        AnalyticsJobStorage.InstallSqlServerSchema(connection);

        var sent = connection.Sent.ShouldHaveSingleItem();
        sent.ShouldBe(SqlServerObjectsInstaller.GetInstallScript("HangFire", enableHeavyMigrations: true));
        sent.ShouldContain("[HangFire].[Job]");
        sent.ShouldContain("[HangFire].[Schema]");
        sent.ShouldNotBe(SqlServerObjectsInstaller.GetInstallScript("HangFire", enableHeavyMigrations: false),
            "the heavy migrations upgrade an older Hangfire's tables in place");
    }

    [Fact]
    public async Task The_schema_install_on_sql_server_connects_to_the_configured_server()
    {
        // The SQL Server branch opens a SqlClient connection to the configured server (refused here), rather than doing
        // nothing as it does for SQLite.
        await Should.ThrowAsync<Microsoft.Data.SqlClient.SqlException>(() => AnalyticsJobStorage.InstallSchemaAsync(SqlServer()));
    }

    /// <summary>Not Hangfire's GlobalConfiguration: only the storage it is given is of interest here.</summary>
    private sealed class NoGlobalConfiguration : IGlobalConfiguration;

    /// <summary>An open connection that keeps every command's text and sends nothing.</summary>
    private sealed class RecordingConnection : DbConnection
    {
        public List<string> Sent { get; } = [];

#pragma warning disable CS8765 // The base's setter is declared with a nullable annotation mismatch.
        public override string ConnectionString { get; set; } = "";
#pragma warning restore CS8765
        public override string Database => "analytics";
        public override string DataSource => "recording";
        public override string ServerVersion => "16.00.0000";
        public override ConnectionState State => ConnectionState.Open;
        public override void ChangeDatabase(string databaseName) { }
        public override void Open() { }
        public override void Close() { }
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException();
        protected override DbCommand CreateDbCommand() => new RecordingCommand(this);

        private sealed class RecordingCommand(RecordingConnection owner) : DbCommand
        {
#pragma warning disable CS8765
            public override string CommandText { get; set; } = "";
#pragma warning restore CS8765
            public override int CommandTimeout { get; set; }
            public override CommandType CommandType { get; set; }
            public override bool DesignTimeVisible { get; set; }
            public override UpdateRowSource UpdatedRowSource { get; set; }
            protected override DbConnection? DbConnection { get; set; }
            // Dapper asks for the collection even without parameters; SqlClient's own empty one serves.
            protected override DbParameterCollection DbParameterCollection { get; } = new Microsoft.Data.SqlClient.SqlCommand().Parameters;
            protected override DbTransaction? DbTransaction { get; set; }
            public override void Cancel() { }
            public override void Prepare() { }
            protected override DbParameter CreateDbParameter() => throw new NotSupportedException();

            public override int ExecuteNonQuery()
            {
                owner.Sent.Add(CommandText);
                return 0;
            }

            public override object? ExecuteScalar()
            {
                owner.Sent.Add(CommandText);
                return null;
            }

            protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
            {
                owner.Sent.Add(CommandText);
                return new DataTable().CreateDataReader();
            }
        }
    }
}
