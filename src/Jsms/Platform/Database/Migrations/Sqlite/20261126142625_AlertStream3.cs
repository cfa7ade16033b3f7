using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Sqlite
{
    /// <summary>Alert.Sequence (numbered by a trigger, in commit order) for the alert stream's event ids and replay.</summary>
    public partial class AlertStream3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "Alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AlertSequence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertSequence", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AlertSequence",
                columns: new[] { "Id", "Last" },
                values: new object[] { 1, 0L });

            // Number the existing alerts before the unique index, then let the trigger number the new ones.
            migrationBuilder.Sql(Features.Alerts.AlertSequenceSql.Backfill);
            migrationBuilder.Sql(Features.Alerts.AlertSequenceSql.SqliteCreate);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Sequence",
                table: "Alerts",
                column: "Sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Features.Alerts.AlertSequenceSql.SqliteDrop);

            migrationBuilder.DropTable(
                name: "AlertSequence");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_Sequence",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Alerts");
        }
    }
}
