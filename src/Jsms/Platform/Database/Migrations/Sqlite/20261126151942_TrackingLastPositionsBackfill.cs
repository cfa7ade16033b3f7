using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrackingLastPositionsBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each device's latest stored position (by event time, then id), so existing data keeps its "last position".
            // A migration of its own: on SQLite, TrackingTimeIndex rebuilds the Positions table at its end, and SQL placed
            // in it would run before that rebuild (EF warns at every migration).
            migrationBuilder.Sql("""
                INSERT INTO "DeviceLastPositions" ("DeviceId", "PositionId", "Time")
                SELECT "DeviceId", "Id", "Time" FROM (
                    SELECT "DeviceId", "Id", "Time", ROW_NUMBER() OVER (PARTITION BY "DeviceId" ORDER BY "Time" DESC, "Id" DESC) AS "Rank"
                    FROM "Positions" WHERE "DeviceId" IN (SELECT "Id" FROM "Devices")) AS "Latest"
                WHERE "Rank" = 1
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "DeviceLastPositions" """);
        }
    }
}
