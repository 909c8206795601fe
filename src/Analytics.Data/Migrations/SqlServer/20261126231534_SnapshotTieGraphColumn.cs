using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SnapshotTieGraphColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PayloadFormat",
                table: "ReportSnapshots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "Revision",
                table: "ReportSnapshots",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "TieGraph",
                table: "ReportSnapshots",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PayloadFormat",
                table: "ReportSnapshots");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "ReportSnapshots");

            migrationBuilder.DropColumn(
                name: "TieGraph",
                table: "ReportSnapshots");
        }
    }
}
