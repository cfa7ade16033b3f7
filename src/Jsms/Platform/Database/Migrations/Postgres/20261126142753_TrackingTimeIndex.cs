using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrackingTimeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Positions_Devices_DeviceId",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_DeviceId_Time",
                table: "Positions");

            migrationBuilder.CreateTable(
                name: "DeviceLastPositions",
                columns: table => new
                {
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PositionId = table.Column<long>(type: "bigint", nullable: false),
                    Time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceLastPositions", x => x.DeviceId);
                    table.ForeignKey(
                        name: "FK_DeviceLastPositions_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Time",
                table: "Positions",
                column: "Time");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceLastPositions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_Time",
                table: "Positions");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_DeviceId_Time",
                table: "Positions",
                columns: new[] { "DeviceId", "Time" });

            migrationBuilder.AddForeignKey(
                name: "FK_Positions_Devices_DeviceId",
                table: "Positions",
                column: "DeviceId",
                principalTable: "Devices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
