using System.Globalization;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Platform;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jsms.Bench;

/// <summary>The benchmark's world: 10,000 sites on a grid around Karachi, 10,000 subjects each jittering around its own place.</summary>
internal static class BenchWorld
{
    public const int Sites = 10_000, Subjects = 10_000;
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Site i: a 300 m square on a 100 x 100 grid over about 2° x 2°, 200 m watch zone.</summary>
    public static string Perimeter(int i)
    {
        var (lat, lon) = Corner(i);
        const double d = 0.0015;
        return string.Create(Culture, $"{{\"type\":\"Polygon\",\"coordinates\":[[[{lon},{lat}],[{lon + d},{lat}],[{lon + d},{lat + d}],[{lon},{lat + d}],[{lon},{lat}]]]}}");
    }

    public static (double Lat, double Lon) Corner(int i) => (24.0 + i / 100 * 0.02, 66.0 + i % 100 * 0.02);

    public static List<SiteZone> Zones()
    {
        var zones = new List<SiteZone>(Sites);
        for (var i = 0; i < Sites; i++)
        {
            using var json = JsonDocument.Parse(Perimeter(i));
            zones.Add(new SiteZone(Guid.NewGuid(), $"site {i}", Geo.ReadPolygon(json.RootElement).Polygon!, 200, 30, SecurityLevel.Medium, Guid.NewGuid(), Tlp.Amber, Guid.NewGuid()));
        }
        return zones;
    }

    /// <summary>Each subject's home: about 6 % of them sit in a watch zone.</summary>
    public static (double Lat, double Lon)[] Homes(Random random)
        => Enumerable.Range(0, Subjects).Select(_ => (24.0 + random.NextDouble() * 2, 66.0 + random.NextDouble() * 2)).ToArray();

    /// <summary>The real app on a real port and its own database; PostgreSQL: a database created on the given server.</summary>
    public static async Task<(WebApplication App, Func<Task> Cleanup)> StartAppAsync(string? postgresServer, bool listen)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "jsms-bench-" + Guid.NewGuid().ToString("N"));
        var arguments = new List<string>
        {
            $"--Jsms:DataDirectory={dataDirectory}", "--Jsms:MigrateOnStart=true", "--Jsms:Demo=true", "--Logging:LogLevel:Default=Warning",
            "--Jsms:TokenLifetimeMinutes=600",
            $"--Jsms:Database={(postgresServer is null ? "sqlite" : "postgres")}",
        };
        if (listen)
        {
            arguments.Add("--urls=http://127.0.0.1:0");
        }
        string? database = null;
        if (postgresServer is not null)
        {
            database = "jsms_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(postgresServer))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await command.ExecuteNonQueryAsync();
            }
            arguments.Add($"--ConnectionStrings:Jsms={new NpgsqlConnectionStringBuilder(postgresServer) { Database = database }}");
        }
        var app = JsmsApp.Build([.. arguments]);
        await JsmsApp.PrepareAsync(app.Services);
        if (listen)
        {
            await app.StartAsync();
        }
        return (app, async () =>
        {
            if (listen)
            {
                await app.StopAsync();
            }
            await app.DisposeAsync();
            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(postgresServer);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
            else
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(dataDirectory, recursive: true);
                }
                catch (IOException)
                {
                    // Left to the OS temp cleaner.
                }
            }
        });
    }

    /// <summary>Registers the sites and devices (owned by the given user's agency) directly in the database, then reloads the engine's zones.</summary>
    public static async Task<List<Device>> SeedAsync(IServiceProvider services, string username, int sites, int devices, DateTime now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == username);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < sites; i++)
        {
            db.Add(new Site
            {
                Id = Guid.NewGuid(), Name = $"Bench site {i}", Perimeter = Geo.Parse<NetTopologySuite.Geometries.Polygon>(Perimeter(i)), WatchDistanceMetres = 200, LoiteringThresholdMinutes = 30,
                SecurityLevel = SecurityLevel.Medium, CreatedAt = now, OwnerAgencyId = user.AgencyId, Tlp = Tlp.Amber, CreatedByUserId = user.Id,
            });
            if (i % 1000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        var list = new List<Device>(devices);
        for (var i = 0; i < devices; i++)
        {
            var device = new Device
            {
                Id = Guid.NewGuid(), UniqueId = $"bench-{i:D5}", Name = $"Bench tracker {i}", Kind = DeviceKind.VehicleTracker, CreatedAt = now,
                OwnerAgencyId = user.AgencyId, Tlp = Tlp.Amber, CreatedByUserId = user.Id, Subject = i == 0 ? "PROBE" : null,
            };
            db.Add(device);
            list.Add(device);
            if (i % 1000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        services.GetRequiredService<SiteChanges>().Bump();
        return list;
    }
}
