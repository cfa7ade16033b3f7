using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Demo;

/// <summary>
/// Demo data of the tracking issue, from the Karachi case (seed 000): the outer perimeter of Jinnah
/// International Airport with a 500 m watch zone and a 30-minute loitering threshold, two perimeter ANPR
/// cameras, two convoy trackers, a protected engineer, and a need-to-know convoy movement.
/// </summary>
internal static class DemoTracking
{
    public const string AirportSiteName = "Jinnah International Airport, outer perimeter (demo)";

    /// <summary>Perimeter around 24.9065 N, 67.1608 E (longitude first, as in GeoJSON).</summary>
    public const string AirportPerimeter = """{"type":"Polygon","coordinates":[[[67.150,24.895],[67.172,24.895],[67.172,24.918],[67.150,24.918],[67.150,24.895]]]}""";

    public static async Task SeedAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = await db.Set<Agency>().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var nacta = agencies["PK-NACTA"];
        var coordinator = users["pk.coordinator"];

        void Mark(IReleasable record, Tlp tlp, string[] releaseTo, string[] recipients)
        {
            record.OwnerAgencyId = nacta;
            record.CreatedByUserId = coordinator;
            record.Tlp = tlp;
            db.AddRange(releaseTo.Select(code => new ReleaseGrant { RecordId = record.Id, AgencyId = agencies[code] }));
            db.AddRange(recipients.Select(name => new NamedRecipient { RecordId = record.Id, UserId = users[name] }));
        }

        var site = new Site
        {
            Id = Guid.NewGuid(),
            Name = AirportSiteName,
            Project = "Karachi airport road convoys",
            Perimeter = Geo.Parse<Polygon>(AirportPerimeter),
            WatchDistanceMetres = 500,
            LoiteringThresholdMinutes = 30,
            SecurityLevel = SecurityLevel.Critical,
            Contacts = "Airport Security Force duty officer (demo)",
            CreatedAt = now,
        };
        Mark(site, Tlp.Amber, ["CN-MPS", "PK-SINDH"], []);

        Sensor Camera(string code, string name, double lat, double lon)
        {
            var sensor = new Sensor { Id = Guid.NewGuid(), Code = code, Name = name, Kind = SensorKind.Anpr, Latitude = lat, Longitude = lon, CreatedAt = now };
            Mark(sensor, Tlp.Amber, ["PK-SINDH"], []);
            return sensor;
        }
        var south = Camera("KHI-ANPR-01", "Airport perimeter road, south gate (demo)", 24.8925, 67.1600);
        var west = Camera("KHI-ANPR-02", "Airport perimeter road, west side (demo)", 24.9065, 67.1470);

        Device Tracker(string uniqueId, string name, string subject)
        {
            var device = new Device { Id = Guid.NewGuid(), UniqueId = uniqueId, Name = name, Kind = DeviceKind.VehicleTracker, Subject = subject, CreatedAt = now };
            Mark(device, Tlp.Amber, ["CN-MPS"], []);
            return device;
        }
        var lead = Tracker("demo-convoy-lead", "Convoy lead vehicle (demo)", "CPEC-01");
        var escort = Tracker("demo-convoy-escort", "Escort vehicle (demo)", "SSU-07");

        var identifiers = new PersonIdentifiers(db.GetService<IDataProtectionProvider>());
        var engineer = new ProtectedPerson
        {
            Id = Guid.NewGuid(),
            Name = "Wang Jun (demo)",
            Nationality = "China",
            Employer = "Port Qasim power project contractor (demo)",
            Project = "Port Qasim power project",
            PassportNumberProtected = identifiers.Protect("E00000001"),
            PhoneProtected = identifiers.Protect("+86 100 0000 0001"),
            CreatedAt = now,
        };
        Mark(engineer, Tlp.Amber, ["CN-MPS"], ["cn.liaison"]);

        var movement = new Movement
        {
            Id = Guid.NewGuid(),
            Name = "Airport to Port Qasim convoy (demo)",
            Status = MovementStatus.Planned,
            PrincipalsJson = $"[\"{engineer.Id}\"]",
            VehiclesJson = """["demo-convoy-lead"]""",
            EscortJson = """["demo-convoy-escort"]""",
            Route = Geo.Parse<LineString>("""{"type":"LineString","coordinates":[[67.1608,24.9065],[67.1900,24.8800],[67.2500,24.8400],[67.3400,24.7800]]}"""),
            CorridorMetres = 300,
            CheckpointsJson = """[{"Name":"Shah Faisal interchange","Latitude":24.88,"Longitude":67.19,"ExpectedAt":null},{"Name":"Port Qasim gate","Latitude":24.78,"Longitude":67.34,"ExpectedAt":null}]""",
            DepartEarliest = now.AddDays(1),
            DepartLatest = now.AddDays(1).AddMinutes(30),
            ArriveEarliest = now.AddDays(1).AddMinutes(60),
            ArriveLatest = now.AddDays(1).AddMinutes(120),
            CreatedAt = now,
        };
        // Need to know: RED, the named list only (plus the owner's coordinators by the policy).
        Mark(movement, Tlp.Red, [], ["cn.liaison", "pk.analyst"]);

        db.AddRange(site, south, west, lead, escort, engineer, movement);
        await db.SaveChangesAsync(cancellationToken);
    }
}
