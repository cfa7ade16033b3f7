using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntelFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Direction",
                table: "TaxiiSources",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "PushedUpTo",
                table: "TaxiiSources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Rfis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rfis", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RfiAddressees",
                columns: table => new
                {
                    RfiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RfiAddressees", x => new { x.RfiId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_RfiAddressees_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RfiAddressees_Rfis_RfiId",
                        column: x => x.RfiId,
                        principalTable: "Rfis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RfiAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RfiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    StixRefs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RfiAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RfiAnswers_Rfis_RfiId",
                        column: x => x.RfiId,
                        principalTable: "Rfis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RfiAddressees_AgencyId_RfiId",
                table: "RfiAddressees",
                columns: new[] { "AgencyId", "RfiId" });

            migrationBuilder.CreateIndex(
                name: "IX_RfiAnswers_RfiId_AnsweredAt",
                table: "RfiAnswers",
                columns: new[] { "RfiId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Rfis_OwnerAgencyId_Tlp",
                table: "Rfis",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Rfis_Status_EscalatedAt_DueAt",
                table: "Rfis",
                columns: new[] { "Status", "EscalatedAt", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RfiAddressees");

            migrationBuilder.DropTable(
                name: "RfiAnswers");

            migrationBuilder.DropTable(
                name: "Rfis");

            migrationBuilder.DropColumn(
                name: "Direction",
                table: "TaxiiSources");

            migrationBuilder.DropColumn(
                name: "PushedUpTo",
                table: "TaxiiSources");
        }
    }
}
