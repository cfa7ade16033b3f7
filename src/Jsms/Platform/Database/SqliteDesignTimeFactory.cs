using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jsms.Platform.Database;

/// <summary>Design-time factories for <c>dotnet ef</c> (see scripts/migrations.sh).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJsmsDbContext>
{
    public SqliteJsmsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteJsmsDbContext>();
        DatabaseSetup.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteJsmsDbContext(builder.Options);
    }
}
