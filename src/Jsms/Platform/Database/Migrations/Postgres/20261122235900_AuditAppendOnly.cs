using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Postgres
{
    /// <summary>
    /// Hand-written (no model change): triggers that refuse UPDATE and DELETE on AuditEntries.
    /// Its id must sort after Initial's: if Initial is ever regenerated later than this id, give this
    /// migration a newer id (the SQL needs the AuditEntries table).
    /// </summary>
    [DbContext(typeof(PostgresJsmsDbContext))]
    [Migration("20261122235900_AuditAppendOnly")]
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql(AuditAppendOnlySql.PostgresCreate);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql(AuditAppendOnlySql.PostgresDrop);
    }
}
