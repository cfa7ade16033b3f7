using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Sqlite
{
    /// <summary>
    /// Sites' perimeters and movements' routes renamed for their geometry properties; SQLite has no spatial plugin here,
    /// so they stay GeoJSON text (docs/decisions/0022-geometry-libraries.md).
    /// </summary>
    public partial class SpatialColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "PerimeterGeoJson",
                table: "Sites",
                newName: "Perimeter");

            migrationBuilder.RenameColumn(
                name: "RouteGeoJson",
                table: "Movements",
                newName: "Route");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Perimeter",
                table: "Sites",
                newName: "PerimeterGeoJson");

            migrationBuilder.RenameColumn(
                name: "Route",
                table: "Movements",
                newName: "RouteGeoJson");
        }
    }
}
