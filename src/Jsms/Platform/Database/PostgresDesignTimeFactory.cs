using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jsms.Platform.Database;

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresJsmsDbContext>
{
    public PostgresJsmsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresJsmsDbContext>();
        DatabaseSetup.ConfigurePostgres(builder, "Host=localhost;Database=jsms_design");
        return new PostgresJsmsDbContext(builder.Options);
    }
}
