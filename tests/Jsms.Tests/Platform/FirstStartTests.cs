using System.Collections.Concurrent;
using Jsms.Platform;
using Jsms.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Jsms.Tests.Platform;

/// <summary>
/// The first start of a new node creates its database from every migration. Nothing in it may warn: a newcomer reads a
/// warning such as "the migration ... would be left in a partially applied state" as something gone wrong. (SQLite warns
/// so when a migration must rebuild an existing table, e.g. to add a foreign key to it.)
/// </summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task A_new_database_is_created_from_every_migration_without_a_warning()
    {
        var data = Path.Combine(Path.GetTempPath(), "jsms-tests", Guid.NewGuid().ToString("N"));
        var postgres = "jsms_test_" + Guid.NewGuid().ToString("N")[..16];
        Directory.CreateDirectory(data);
        var args = new List<string> { "--urls=http://127.0.0.1:0", $"--Jsms:DataDirectory={data}", $"--Jsms:Database={TestDatabase.Provider}" };
        if (TestDatabase.IsPostgres)
        {
            args.Add($"--ConnectionStrings:Jsms={await TestDatabase.CreatePostgresDatabaseAsync(postgres)}");
        }
        var warnings = new ConcurrentQueue<string>();
        var app = JsmsApp.Build([.. args], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Warning);
            builder.Logging.AddProvider(new WarningCollector(warnings));
        });
        try
        {
            await JsmsApp.PrepareAsync(app.Services);
            var migrations = warnings.Where(w => w.StartsWith("Microsoft.EntityFrameworkCore.Migrations", StringComparison.Ordinal)).ToList();
            Assert.True(migrations.Count == 0, "Warnings while creating the database:\n" + string.Join('\n', migrations));
        }
        finally
        {
            await app.DisposeAsync();
            if (TestDatabase.IsPostgres)
            {
                await TestDatabase.DropPostgresDatabaseAsync(postgres);
            }
        }
    }

    private sealed class WarningCollector(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, warnings);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    warnings.Enqueue($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
