using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NationalListId",
                table: "ScreeningListVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NationalLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RescreenRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Subjects = table.Column<int>(type: "INTEGER", nullable: false),
                    Matches = table.Column<int>(type: "INTEGER", nullable: false),
                    Alerts = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningListVersions_Source_Number",
                table: "ScreeningListVersions",
                columns: new[] { "Source", "Number" },
                unique: true);
        }
    }
}
