using Jsms.Platform.Database;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jsms.Tests.Platform;

/// <summary>
/// PostgreSQL connections prepare the statements they repeat and go back to the pool without a reset
/// (docs/decisions/0027-one-query-sign-in-and-prepared-statements.md), unless the connection string says otherwise.
/// </summary>
public sealed class PostgresSessionTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public void A_connection_string_gets_prepared_statements_and_no_reset_unless_it_chooses()
    {
        var set = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=jsms"));
        Assert.Equal(50, set.MaxAutoPrepare);
        Assert.Equal(2, set.AutoPrepareMinUsages);
        Assert.True(set.NoResetOnClose);

        var chosen = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=jsms;Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Equal(0, chosen.MaxAutoPrepare);
        Assert.False(chosen.NoResetOnClose);
    }

    [Fact]
    public async Task On_postgres_a_statement_run_again_on_a_connection_is_prepared()
    {
        if (!TestDatabase.IsPostgres)
        {
            return;
        }
        var prepared = await app.WithDb(async db =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            for (var i = 0; i < 3; i++)
            {
                await using var command = new NpgsqlCommand("SELECT count(*) FROM \"AspNetUsers\" WHERE \"UserName\" = $1", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = "pk.analyst" });
                await command.ExecuteScalarAsync();
            }
            await using var check = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%\"AspNetUsers\" WHERE \"UserName\" = $1%'", connection);
            return (long)(await check.ExecuteScalarAsync())!;
        });
        Assert.Equal(1, prepared);
    }
}
