using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only: rewrites ReportSnapshots with the stamp's columns (PayloadFormat, Revision, added later by ALTER TABLE)
    /// before the payload. SQLite stores a row's columns in order, so reading a stamp behind a payload walked the payload's
    /// overflow pages: a quarter's payload is 2 MB at a million participations, and every page read starts with stamps.
    /// PostgreSQL and SQL Server keep large values out of the row, so their order does not matter and they have no such
    /// migration. No model change: the model never said anything about column order.
    /// </summary>
    public partial class SnapshotStampBeforePayload : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder,
            """
            "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportSnapshots" PRIMARY KEY AUTOINCREMENT,
            "ScopeKind" TEXT NOT NULL,
            "ScopeKey" TEXT NOT NULL,
            "DataVersion" INTEGER NOT NULL,
            "ComputedAtUtc" TEXT NOT NULL,
            "PayloadFormat" INTEGER NOT NULL DEFAULT 0,
            "Revision" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
            "Payload" TEXT NOT NULL,
            "TieGraph" TEXT NULL
            """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder,
            """
            "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportSnapshots" PRIMARY KEY AUTOINCREMENT,
            "ScopeKind" TEXT NOT NULL,
            "ScopeKey" TEXT NOT NULL,
            "DataVersion" INTEGER NOT NULL,
            "ComputedAtUtc" TEXT NOT NULL,
            "Payload" TEXT NOT NULL,
            "PayloadFormat" INTEGER NOT NULL DEFAULT 0,
            "Revision" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
            "TieGraph" TEXT NULL
            """);

        /// <summary>SQLite cannot move a column: a new table in the given order, the rows copied, the old one replaced.</summary>
        private static void Rebuild(MigrationBuilder migrationBuilder, string columns)
        {
            const string all = "\"Id\", \"ScopeKind\", \"ScopeKey\", \"DataVersion\", \"ComputedAtUtc\", \"PayloadFormat\", \"Revision\", \"Payload\", \"TieGraph\"";
            migrationBuilder.Sql($"CREATE TABLE \"ef_temp_ReportSnapshots\" ({columns});");
            migrationBuilder.Sql($"INSERT INTO \"ef_temp_ReportSnapshots\" ({all}) SELECT {all} FROM \"ReportSnapshots\";");
            migrationBuilder.Sql("DROP TABLE \"ReportSnapshots\";");
            migrationBuilder.Sql("ALTER TABLE \"ef_temp_ReportSnapshots\" RENAME TO \"ReportSnapshots\";");
            migrationBuilder.Sql("CREATE UNIQUE INDEX \"IX_ReportSnapshots_ScopeKind_ScopeKey\" ON \"ReportSnapshots\" (\"ScopeKind\", \"ScopeKey\");");
        }
    }
}
