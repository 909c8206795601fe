using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Analytics.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AttendeeKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TextVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Purposes = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GivenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FormatCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    MeetupEventId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DataVersion = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organisationsnummer = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SectorCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    IsHost = table.Column<bool>(type: "boolean", nullable: false),
                    Aliases = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScopeKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ScopeKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    DataVersion = table.Column<long>(type: "bigint", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TargetMixes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Share = table.Column<double>(type: "double precision", nullable: false),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetMixes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaxonomyCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StandardCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Synonyms = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxonomyCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EventId = table.Column<int>(type: "integer", nullable: true),
                    ImportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    RowsRead = table.Column<int>(type: "integer", nullable: false),
                    RowsAccepted = table.Column<int>(type: "integer", nullable: false),
                    RowsRejected = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportBatches_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "EventHosts",
                columns: table => new
                {
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventHosts", x => new { x.EventId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_EventHosts_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventHosts_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportRowErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportBatchId = table.Column<int>(type: "integer", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    Column = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRowErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRowErrors_ImportBatches_ImportBatchId",
                        column: x => x.ImportBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Participations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    AttendeeKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RoleCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rsvp = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RsvpAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attendance = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Guests = table.Column<int>(type: "integer", nullable: false),
                    HasProfile = table.Column<bool>(type: "boolean", nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ProfessionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    UnmappedOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MunicipalityCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ImportBatchId = table.Column<int>(type: "integer", nullable: true),
                    RecordKey = table.Column<double>(type: "double precision", nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participations_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Participations_ImportBatches_ImportBatchId",
                        column: x => x.ImportBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Participations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "UnmappedValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportBatchId = table.Column<int>(type: "integer", nullable: false),
                    Column = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RawValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnmappedValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnmappedValues_ImportBatches_ImportBatchId",
                        column: x => x.ImportBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_AttendeeKey",
                table: "ConsentRecords",
                column: "AttendeeKey");

            migrationBuilder.CreateIndex(
                name: "IX_EventHosts_OrganisationId",
                table: "EventHosts",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Slug",
                table: "Events",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_StartsAtUtc",
                table: "Events",
                column: "StartsAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_EventId",
                table: "ImportBatches",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_Sha256",
                table: "ImportBatches",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRowErrors_ImportBatchId",
                table: "ImportRowErrors",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Organisationsnummer",
                table: "Organisations",
                column: "Organisationsnummer",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participations_AttendeeKey",
                table: "Participations",
                column: "AttendeeKey");

            migrationBuilder.CreateIndex(
                name: "IX_Participations_EventId_SourceKey",
                table: "Participations",
                columns: new[] { "EventId", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participations_ImportBatchId",
                table: "Participations",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Participations_OrganisationId",
                table: "Participations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSnapshots_ScopeKind_ScopeKey",
                table: "ReportSnapshots",
                columns: new[] { "ScopeKind", "ScopeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetMixes_Dimension_Code",
                table: "TargetMixes",
                columns: new[] { "Dimension", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaxonomyCategories_Dimension_Code",
                table: "TaxonomyCategories",
                columns: new[] { "Dimension", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnmappedValues_ImportBatchId",
                table: "UnmappedValues",
                column: "ImportBatchId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "EventHosts");

            migrationBuilder.DropTable(
                name: "ImportRowErrors");

            migrationBuilder.DropTable(
                name: "Participations");

            migrationBuilder.DropTable(
                name: "ReportSnapshots");

            migrationBuilder.DropTable(
                name: "TargetMixes");

            migrationBuilder.DropTable(
                name: "TaxonomyCategories");

            migrationBuilder.DropTable(
                name: "UnmappedValues");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropTable(
                name: "Events");
        }
    }
}
