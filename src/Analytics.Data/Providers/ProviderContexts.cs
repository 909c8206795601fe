using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Analytics.Data.Providers;

// One derived type per provider, so each keeps its own migrations under Migrations/<Provider>.

public sealed class SqliteAnalyticsDbContext(DbContextOptions<SqliteAnalyticsDbContext> options) : AnalyticsDbContext(options);

public sealed class SqlServerAnalyticsDbContext(DbContextOptions<SqlServerAnalyticsDbContext> options) : AnalyticsDbContext(options);

public sealed class PostgresAnalyticsDbContext(DbContextOptions<PostgresAnalyticsDbContext> options) : AnalyticsDbContext(options);

// Design-time factories for `dotnet ef`: the connection strings only need to be well-formed, no server is contacted.

public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAnalyticsDbContext>
{
    public SqliteAnalyticsDbContext CreateDbContext(string[] args) =>
        new(AnalyticsDatabase.Configure(new DbContextOptionsBuilder<SqliteAnalyticsDbContext>(),
            Configuration.DatabaseProvider.Sqlite, "Data Source=design.db").Options);
}

public sealed class SqlServerDesignFactory : IDesignTimeDbContextFactory<SqlServerAnalyticsDbContext>
{
    public SqlServerAnalyticsDbContext CreateDbContext(string[] args) =>
        new(AnalyticsDatabase.Configure(new DbContextOptionsBuilder<SqlServerAnalyticsDbContext>(),
            Configuration.DatabaseProvider.SqlServer, "Server=localhost;Database=analytics;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAnalyticsDbContext>
{
    public PostgresAnalyticsDbContext CreateDbContext(string[] args) =>
        new(AnalyticsDatabase.Configure(new DbContextOptionsBuilder<PostgresAnalyticsDbContext>(),
            Configuration.DatabaseProvider.Postgres, "Host=localhost;Database=analytics;Username=postgres").Options);
}
