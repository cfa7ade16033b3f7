using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddJointOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JointOperations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConsentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HostStateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Objective = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Area = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    PeriodStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PeriodEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CommandArrangement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IncidentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Arrests = table.Column<int>(type: "integer", nullable: false),
                    ItemsSeized = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OutcomeNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tlp = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointOperations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JointOperationEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointOperationEvents", x => new { x.OperationId, x.Id });
                    table.ForeignKey(
                        name: "FK_JointOperationEvents_JointOperations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "JointOperations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JointOperationForces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Forces = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointOperationForces", x => new { x.OperationId, x.Id });
                    table.ForeignKey(
                        name: "FK_JointOperationForces_JointOperations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "JointOperations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JointOperationPersonnel",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Task = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointOperationPersonnel", x => new { x.OperationId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_JointOperationPersonnel_JointOperations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "JointOperations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JointOperationVehicles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Callsign = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointOperationVehicles", x => new { x.OperationId, x.Id });
                    table.ForeignKey(
                        name: "FK_JointOperationVehicles_JointOperations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "JointOperations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JointOperations_ConsentId",
                table: "JointOperations",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_JointOperations_HostStateId_Status",
                table: "JointOperations",
                columns: new[] { "HostStateId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_JointOperations_OwnerAgencyId_Tlp",
                table: "JointOperations",
                columns: new[] { "OwnerAgencyId", "Tlp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JointOperationEvents");

            migrationBuilder.DropTable(
                name: "JointOperationForces");

            migrationBuilder.DropTable(
                name: "JointOperationPersonnel");

            migrationBuilder.DropTable(
                name: "JointOperationVehicles");

            migrationBuilder.DropTable(
                name: "JointOperations");
        }
    }
}
