using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddIncidentPeriodKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "IncidentSources",
                type: "TEXT",
                maxLength: 44,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PeriodMonth",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Incidents stored before this column existed get their month from their date, so the
            // statistics count them.
            migrationBuilder.Sql("""
                UPDATE "Incidents" SET "PeriodMonth" = CAST(substr("OccurredOn", 1, 4) || substr("OccurredOn", 6, 2) AS INTEGER);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Statistics",
                table: "Incidents",
                columns: new[] { "PeriodMonth", "Admin1", "Country", "OccurredOn", "KilledBest", "InjuredBest", "DeletedAt", "Tlp", "OwnerAgencyId", "CreatedByUserId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_Statistics",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "IncidentSources");

            migrationBuilder.DropColumn(
                name: "PeriodMonth",
                table: "Incidents");
        }
    }
}
