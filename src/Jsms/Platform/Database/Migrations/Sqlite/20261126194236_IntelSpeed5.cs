using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntelSpeed5 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StixObjects_SourceRef",
                table: "StixObjects");

            migrationBuilder.DropIndex(
                name: "IX_StixObjects_TargetRef",
                table: "StixObjects");

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_SourceRef",
                table: "StixObjects",
                column: "SourceRef",
                filter: "\"SourceRef\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_TargetRef",
                table: "StixObjects",
                column: "TargetRef",
                filter: "\"TargetRef\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StixObjects_SourceRef",
                table: "StixObjects");

            migrationBuilder.DropIndex(
                name: "IX_StixObjects_TargetRef",
                table: "StixObjects");

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_SourceRef",
                table: "StixObjects",
                column: "SourceRef");

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_TargetRef",
                table: "StixObjects",
                column: "TargetRef");
        }
    }
}
