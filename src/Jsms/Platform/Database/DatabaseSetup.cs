using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Jsms.Platform.Database;

internal static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="JsmsDbContext"/> on the configured provider. Features add their own EF Core interceptors as
    /// <see cref="IInterceptor"/> singletons (e.g. Tracking's device-change counter); every context gets them. The options
    /// are built once for the application, not once per request scope: they hold only singletons, and building them
    /// (warnings configuration, interceptors, the lookup of EF's internal services) was a large share of a small request.
    /// </summary>
    public static IServiceCollection AddJsmsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JsmsOptions.Section).Get<JsmsOptions>() ?? new JsmsOptions();
        if (options.UsesPostgres)
        {
            var connectionString = configuration.GetConnectionString("Jsms");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Jsms:Database is 'postgres' but ConnectionStrings:Jsms is empty. Set it, e.g. " +
                    "ConnectionStrings__Jsms='Host=127.0.0.1;Port=5432;Database=jsms;Username=jsms;Password=...'.");
            }
            services.AddDbContext<JsmsDbContext, PostgresJsmsDbContext>((provider, o)
                => ConfigurePostgres(o, connectionString, provider.GetServices<IInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
            services.AddSingleton(_ => WriteTurns.Concurrent());
        }
        else
        {
            var path = options.SqlitePath;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            services.AddSingleton<SqliteCommitCheckpoints>();
            services.AddSingleton(_ => WriteTurns.OneAtATime());
            services.AddDbContext<JsmsDbContext, SqliteJsmsDbContext>((provider, o)
                => ConfigureSqlite(o, $"Data Source={path}", provider.GetRequiredService<SqliteCommitCheckpoints>(), provider.GetServices<IInterceptor>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        return services;
    }

    /// <summary>
    /// The SQLite options; <paramref name="checkpoints"/> is the application's, <paramref name="interceptors"/> the features'
    /// (neither at design time).
    /// </summary>
    internal static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString, SqliteCommitCheckpoints? checkpoints = null,
        IEnumerable<IInterceptor>? interceptors = null)
        => builder.AddInterceptors([.. interceptors ?? [], SqliteBusyTimeout.Interceptor, .. checkpoints is null ? Array.Empty<IInterceptor>() : [checkpoints]])
            .UseSqlite(connectionString, sqlite =>
        {
            sqlite.MigrationsAssembly(typeof(JsmsDbContext).Assembly.GetName().Name);
            sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery);
        });

    internal static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString, IEnumerable<IInterceptor>? interceptors = null)
        => builder.AddInterceptors(interceptors ?? []).UseNpgsql(WithAutoPrepare(WithoutJit(connectionString)), npgsql =>
        {
            npgsql.MigrationsAssembly(typeof(JsmsDbContext).Assembly.GetName().Name);
            // As on SQLite: EF's default, said once here instead of warned at every query that loads two collections.
            npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery);
            // PostGIS geometry columns as NetTopologySuite types (docs/decisions/0022-geometry-libraries.md).
            npgsql.UseNetTopologySuite();
        });

    /// <summary>
    /// Sessions start with PostgreSQL's JIT compiler off (docs/decisions/0010-postgres-jit-off.md): JSMS runs short keyset
    /// queries whose cost estimates (a LIMIT over a large index) cross jit_above_cost, and compiling took 40 to 400 ms
    /// of pages that execute in 10 to 40 ms. A connection string that sets jit itself in Options keeps its choice.
    /// </summary>
    internal static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) == true)
        {
            return connectionString;
        }
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        return builder.ConnectionString;
    }

    /// <summary>
    /// Statements run twice on a connection are prepared there, and a connection goes back to the pool without a reset
    /// (docs/decisions/0027-one-query-sign-in-and-prepared-statements.md): the requests that run most (a bearer token's
    /// sign-in, a screening's group write) repeat a few statements, and parsing and planning them again each time, and
    /// the reset statements before each reuse, were a large part of PostgreSQL's work. JSMS keeps no session state to
    /// reset (SET LOCAL only; no session locks, LISTEN or temporary tables). A connection string that sets either
    /// itself keeps its choice (Max Auto Prepare=0 behind a pooler in transaction mode).
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "Auto Prepare", "AutoPrepare"))
        {
            builder.MaxAutoPrepare = 50;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!Sets(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;

        static bool Sets(string connectionString, params string[] keys)
            => keys.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Applies migrations when the database is empty (first start of the embedded database), or always
    /// when <c>Jsms:MigrateOnStart</c> is set. A non-empty database with pending migrations refuses to
    /// start rather than change a production schema by surprise.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<JsmsOptions>>().Value;
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return;
        }
        if (applied.Count == 0 || options.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        throw new InvalidOperationException(
            $"The database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}). " +
            "Run `jsms migrate` (or set Jsms:MigrateOnStart=true) before starting.");
    }
}
