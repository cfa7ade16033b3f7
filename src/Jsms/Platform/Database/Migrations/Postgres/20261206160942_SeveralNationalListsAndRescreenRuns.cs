using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SeveralNationalListsAndRescreenRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ScreeningListVersions_Source_Number",
                table: "ScreeningListVersions");

            migrationBuilder.AddColumn<string>(
                name: "StatusNote",
                table: "WatchMatches",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ListVersions",
                table: "Screenings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<Guid>(
                name: "NationalListId",
                table: "ScreeningListVersions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NationalLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RescreenRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Trigger = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Subjects = table.Column<int>(type: "integer", nullable: false),
                    Matches = table.Column<int>(type: "integer", nullable: false),
                    Alerts = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RescreenRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningListVersions_NationalListId_Number",
                table: "ScreeningListVersions",
                columns: new[] { "NationalListId", "Number" },
                unique: true,
                filter: "\"NationalListId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningListVersions_Source_Number",
                table: "ScreeningListVersions",
                columns: new[] { "Source", "Number" },
                unique: true,
                filter: "\"NationalListId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_NationalLists_Code",
                table: "NationalLists",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalLists_Name",
                table: "NationalLists",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RescreenRuns_Status_RequestedAt",
                table: "RescreenRuns",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NationalLists");

            migrationBuilder.DropTable(
                name: "RescreenRuns");

            migrationBuilder.DropIndex(
                name: "IX_ScreeningListVersions_NationalListId_Number",
                table: "ScreeningListVersions");

            migrationBuilder.DropIndex(
                name: "IX_ScreeningListVersions_Source_Number",
                table: "ScreeningListVersions");

            migrationBuilder.DropColumn(
                name: "StatusNote",
                table: "WatchMatches");

            migrationBuilder.DropColumn(
                name: "NationalListId",
                table: "ScreeningListVersions");

            migrationBuilder.AlterColumn<string>(
                name: "ListVersions",
                table: "Screenings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000);

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningListVersions_Source_Number",
                table: "ScreeningListVersions",
                columns: new[] { "Source", "Number" },
                unique: true);
        }
    }
}
