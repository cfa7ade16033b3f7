using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Postgres
{
    /// <summary>
    /// Sites' perimeters and movements' routes from GeoJSON text to PostGIS geometry columns (SRID 4326) with GiST
    /// indexes; existing text is converted in place (docs/decisions/0022-geometry-libraries.md).
    /// </summary>
    public partial class SpatialColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.Sql("""
                ALTER TABLE "Sites" ALTER COLUMN "PerimeterGeoJson" TYPE geometry(Polygon,4326)
                    USING ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON("PerimeterGeoJson")), 4326);
                ALTER TABLE "Movements" ALTER COLUMN "RouteGeoJson" TYPE geometry(LineString,4326)
                    USING ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON("RouteGeoJson")), 4326);
                """);

            migrationBuilder.RenameColumn(
                name: "PerimeterGeoJson",
                table: "Sites",
                newName: "Perimeter");

            migrationBuilder.RenameColumn(
                name: "RouteGeoJson",
                table: "Movements",
                newName: "Route");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_Perimeter",
                table: "Sites",
                column: "Perimeter")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Movements_Route",
                table: "Movements",
                column: "Route")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sites_Perimeter",
                table: "Sites");

            migrationBuilder.DropIndex(
                name: "IX_Movements_Route",
                table: "Movements");

            migrationBuilder.RenameColumn(
                name: "Perimeter",
                table: "Sites",
                newName: "PerimeterGeoJson");

            migrationBuilder.RenameColumn(
                name: "Route",
                table: "Movements",
                newName: "RouteGeoJson");

            migrationBuilder.Sql("""
                ALTER TABLE "Sites" ALTER COLUMN "PerimeterGeoJson" TYPE text USING ST_AsGeoJSON("PerimeterGeoJson");
                ALTER TABLE "Movements" ALTER COLUMN "RouteGeoJson" TYPE text USING ST_AsGeoJSON("RouteGeoJson");
                """);

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,");
        }
    }
}
