using Analytics.Data.Configuration;
using Analytics.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Data.Tests.Configuration;

public sealed class DatabaseSettingsTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "analytics-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    [Fact]
    public void Without_settings_it_is_the_embedded_SQLite_file_in_the_data_folder()
    {
        var settings = DatabaseSettings.From(Configuration(("Database:DataFolder", _dataFolder)));

        settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
        settings.IsEmbeddedDefault.ShouldBeTrue();
        settings.DataFolder.ShouldBe(_dataFolder);
        settings.ConnectionString.ShouldBe($"Data Source={Path.Combine(_dataFolder, "analytics.db")}");
        Directory.Exists(_dataFolder).ShouldBeTrue();
    }

    [Fact]
    public void A_SQLite_connection_string_of_ones_own_is_not_the_embedded_default()
    {
        var settings = DatabaseSettings.From(Configuration(
            ("Database:Provider", "sqlite"), ("Database:ConnectionString", "Data Source=/srv/otg/analytics.db"), ("Database:DataFolder", _dataFolder)));

        settings.ConnectionString.ShouldBe("Data Source=/srv/otg/analytics.db");
        settings.IsEmbeddedDefault.ShouldBeFalse();
    }

    [Fact]
    public void Reads_the_connection_string_from_ConnectionStrings_Analytics_too()
    {
        var settings = DatabaseSettings.From(Configuration(
            ("Database:Provider", "postgres"), ("ConnectionStrings:Analytics", "Host=db;Database=analytics"), ("Database:DataFolder", _dataFolder)));

        settings.Provider.ShouldBe(DatabaseProvider.Postgres);
        settings.ConnectionString.ShouldBe("Host=db;Database=analytics");
    }

    [Fact]
    public void Database_ConnectionString_wins_over_ConnectionStrings_Analytics()
    {
        var settings = DatabaseSettings.From(Configuration(("Database:Provider", "sqlserver"),
            ("Database:ConnectionString", "Server=primary"), ("ConnectionStrings:Analytics", "Server=other"), ("Database:DataFolder", _dataFolder)));

        settings.ConnectionString.ShouldBe("Server=primary");
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("SQLite", DatabaseProvider.Sqlite)]
    [InlineData("sqlserver", DatabaseProvider.SqlServer)]
    [InlineData("mssql", DatabaseProvider.SqlServer)]
    [InlineData("SQL-Server", DatabaseProvider.SqlServer)]
    [InlineData("postgres", DatabaseProvider.Postgres)]
    [InlineData("PostgreSQL", DatabaseProvider.Postgres)]
    [InlineData(" npgsql ", DatabaseProvider.Postgres)]
    public void Accepts_the_usual_spellings_of_each_provider(string? name, DatabaseProvider provider) =>
        DatabaseSettings.ParseProvider(name).ShouldBe(provider);

    [Fact]
    public void Refuses_an_unknown_provider_with_a_sentence_naming_the_valid_ones()
    {
        var problem = Should.Throw<ConfigurationProblem>(() =>
            DatabaseSettings.From(Configuration(("Database:Provider", "mysql"), ("Database:DataFolder", _dataFolder))));

        problem.Message.ShouldContain("”mysql”");
        problem.Message.ShouldContain("sqlite, sqlserver eller postgres");
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlserver")]
    public void Refuses_a_server_provider_without_a_connection_string(string provider)
    {
        var problem = Should.Throw<ConfigurationProblem>(() =>
            DatabaseSettings.From(Configuration(("Database:Provider", provider), ("Database:DataFolder", _dataFolder))));

        problem.Message.ShouldContain(provider);
        problem.Message.ShouldContain("Database:ConnectionString");
        problem.Message.ShouldContain("--connection");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, typeof(SqliteAnalyticsDbContext), "Data Source=never-opened.db")]
    [InlineData(DatabaseProvider.SqlServer, typeof(SqlServerAnalyticsDbContext), "Server=localhost;Database=analytics")]
    [InlineData(DatabaseProvider.Postgres, typeof(PostgresAnalyticsDbContext), "Host=localhost;Database=analytics")]
    public void Registers_the_context_of_the_configured_provider(DatabaseProvider provider, Type contextType, string connection)
    {
        using var services = new ServiceCollection()
            .AddAnalyticsDatabase(new DatabaseSettings(provider, connection, _dataFolder))
            .BuildServiceProvider();
        using var scope = services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();

        db.ShouldBeOfType(contextType);
        db.Database.HasPendingModelChanges().ShouldBeFalse();
        db.Database.ProviderName.ShouldNotBeNull().ShouldContain(provider switch
        {
            DatabaseProvider.Sqlite => "Sqlite",
            DatabaseProvider.SqlServer => "SqlServer",
            _ => "PostgreSQL",
        });
    }
}
