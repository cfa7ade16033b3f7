using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OccurredUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    DatePrecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TimeOfDay = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Point = table.Column<Point>(type: "geometry(Point,4326)", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Admin1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Admin2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LocationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PlacePrecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AttackTypes = table.Column<List<int>>(type: "integer[]", nullable: false),
                    WeaponTypes = table.Column<List<int>>(type: "integer[]", nullable: false),
                    TargetTypes = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Suicide = table.Column<bool>(type: "boolean", nullable: false),
                    Success = table.Column<bool>(type: "boolean", nullable: false),
                    PropertyDamage = table.Column<bool>(type: "boolean", nullable: true),
                    HostagesOrKidnapping = table.Column<bool>(type: "boolean", nullable: true),
                    KilledBest = table.Column<int>(type: "integer", nullable: false),
                    InjuredBest = table.Column<int>(type: "integer", nullable: false),
                    SiteIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    PersonIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    AlertIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    StixIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    Project = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tlp = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentCasualties",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VictimClass = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    KilledLow = table.Column<int>(type: "integer", nullable: true),
                    KilledBest = table.Column<int>(type: "integer", nullable: false),
                    KilledHigh = table.Column<int>(type: "integer", nullable: true),
                    InjuredLow = table.Column<int>(type: "integer", nullable: true),
                    InjuredBest = table.Column<int>(type: "integer", nullable: false),
                    InjuredHigh = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentCasualties", x => new { x.IncidentId, x.VictimClass });
                    table.ForeignKey(
                        name: "FK_IncidentCasualties_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentPerpetrators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Claimed = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ClaimMode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StixThreatActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentPerpetrators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentPerpetrators_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceEventId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Killed = table.Column<int>(type: "integer", nullable: true),
                    Injured = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentSources_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentVersions",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ChangedFields = table.Column<List<string>>(type: "text[]", nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentVersions", x => new { x.IncidentId, x.Version });
                    table.ForeignKey(
                        name: "FK_IncidentVersions_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPerpetrators_IncidentId_Ordinal",
                table: "IncidentPerpetrators",
                columns: new[] { "IncidentId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPerpetrators_Name",
                table: "IncidentPerpetrators",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Country_Admin1",
                table: "Incidents",
                columns: new[] { "Country", "Admin1" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Latitude_Longitude",
                table: "Incidents",
                columns: new[] { "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OccurredOn",
                table: "Incidents",
                column: "OccurredOn");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OwnerAgencyId_Tlp",
                table: "Incidents",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Point",
                table: "Incidents",
                column: "Point")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_UpdatedAt",
                table: "Incidents",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSources_Format_SourceEventId",
                table: "IncidentSources",
                columns: new[] { "Format", "SourceEventId" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSources_IncidentId",
                table: "IncidentSources",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentVersions_ChangedAt",
                table: "IncidentVersions",
                column: "ChangedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentCasualties");

            migrationBuilder.DropTable(
                name: "IncidentPerpetrators");

            migrationBuilder.DropTable(
                name: "IncidentSources");

            migrationBuilder.DropTable(
                name: "IncidentVersions");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
