using Npgsql;

namespace Jsms.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on: SQLite in a temporary folder (default), or PostgreSQL when
/// <c>JSMS_TEST_POSTGRES</c> holds a connection string to a server (scripts/test.sh sets it);
/// each test app then gets a database of its own, dropped afterwards.
/// </summary>
public static class TestDatabase
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("JSMS_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static bool IsPostgres => PostgresServer is not null;

    public static string Provider => IsPostgres ? "postgres" : "sqlite";

    public static async Task<string> CreatePostgresDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
