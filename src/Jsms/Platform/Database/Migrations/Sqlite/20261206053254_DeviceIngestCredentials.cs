using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeviceIngestCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CertificateThumbprint",
                table: "Devices",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SecretHash",
                table: "Devices",
                type: "BLOB",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CertificateThumbprint",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "SecretHash",
                table: "Devices");
        }
    }
}
