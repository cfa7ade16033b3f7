using Jsms.Features.Alerts;
using Jsms.Features.Operations;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Position = Jsms.Features.Tracking.Position;

namespace Jsms.Features.Demo;

/// <summary>
/// The joint operation of the demo (issue 19): the joint counter-terrorism exercise under Pakistan's standing consent to
/// China's exercise team (the consent <see cref="DemoOperations"/> seeds when present, else one made here), under way, with
/// the team's minibus tracked. Its last hour of positions is stored and replayed through the tracking engine's deployment
/// watch as the seed runs: the minibus drives east out of the consented area, which raises the <c>deployment.outside</c>
/// alert for Pakistan's coordinators and the requester, and the register's map shows it outside. Dates are relative to the
/// clock's now.
/// </summary>
internal static class DemoJointOperations
{
    public const string TrackerId = "demo-jex-minibus";

    private const string Islamabad = """{"type":"Polygon","coordinates":[[[72.95,33.6],[73.2,33.6],[73.2,33.78],[72.95,33.78],[72.95,33.6]]]}""";

    public static async Task SeedAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = await db.Set<Agency>().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var pakistan = await db.Set<State>().Where(s => s.IsoCode == "PK").Select(s => s.Id).FirstAsync(cancellationToken);
        var consent = await db.Set<Consent>().Where(c => c.HostStateId == pakistan && c.Standing && c.Status == ConsentStatus.Active
                && c.RequestingAgencyId == agencies["CN-MPS"] && c.EffectiveStart <= now.AddDays(-2) && c.EffectiveEnd >= now.AddDays(5))
            .OrderBy(c => c.GrantedAt).FirstOrDefaultAsync(cancellationToken)
            ?? StandingConsent(db, now, pakistan, agencies, users);

        var minibus = new Device
        {
            Id = Guid.NewGuid(), UniqueId = TrackerId, Name = "Exercise team minibus (demo)", Kind = DeviceKind.VehicleTracker, Subject = "EX-BUS-1",
            CreatedAt = now.AddDays(-3), OwnerAgencyId = agencies["CN-MPS"], CreatedByUserId = users["cn.coordinator"], Tlp = Tlp.Amber,
        };
        db.Add(minibus);
        db.Add(new ReleaseGrant { RecordId = minibus.Id, AgencyId = agencies["PK-NACTA"] });

        var operation = new JointOperation
        {
            Id = Guid.NewGuid(), Name = "Joint counter-terrorism exercise, Margalla phase (demo)", ConsentId = consent.Id, HostStateId = pakistan,
            Objective = "Combined cordon-and-search drill of the exercise team with NACTA's rapid response teams.",
            Area = (MultiPolygon)consent.EffectiveArea.Copy(), PeriodStart = now.AddDays(-2), PeriodEnd = now.AddDays(5),
            CommandArrangement = "NACTA's exercise director commands; the Chinese exercise team trains and advises, unarmed.",
            Status = JointOperationStatus.UnderWay,
            Forces =
            [
                new OperationForce { Id = Guid.NewGuid(), AgencyId = agencies["PK-NACTA"], Forces = "Two rapid response teams, exercise control cell" },
                new OperationForce { Id = Guid.NewGuid(), AgencyId = agencies["CN-MPS"], Forces = "Exercise team (trainers)" },
            ],
            Personnel = [.. consent.Personnel.Select(p => new OperationPerson { PersonId = p.Id, Name = p.Name, Task = p.Role })],
            Vehicles = [new OperationVehicle { Id = Guid.NewGuid(), Callsign = "EX-BUS-1", DeviceId = TrackerId }],
            Timeline =
            [
                new OperationEvent { Id = Guid.NewGuid(), At = now.AddDays(-4), Kind = "status", Text = "Planned.", UserId = users["pk.coordinator"] },
                new OperationEvent { Id = Guid.NewGuid(), At = now.AddDays(-3), Kind = "status", Text = "Planned → Approved.", UserId = users["pk.coordinator"] },
                new OperationEvent { Id = Guid.NewGuid(), At = now.AddDays(-2), Kind = "status", Text = "Approved → UnderWay.", UserId = users["pk.analyst"] },
            ],
            CreatedAt = now.AddDays(-4), OwnerAgencyId = agencies["PK-NACTA"], CreatedByUserId = users["pk.coordinator"], Tlp = Tlp.Amber,
        };
        db.Add(operation);
        db.Add(new ReleaseGrant { RecordId = operation.Id, AgencyId = agencies["CN-MPS"] });

        // The last hour: every 5 minutes east along the expressway, the last three fixes beyond the area's eastern edge (73.2 E).
        var positions = Enumerable.Range(0, 12).Select(i => new Position
        {
            DeviceId = minibus.Id, Time = now.AddMinutes(-60 + 5 * i), ReceivedAt = now.AddMinutes(-60 + 5 * i), Latitude = 33.70 - 0.002 * i,
            Longitude = 73.08 + 0.015 * i, Speed = 8,
        }).ToList();
        db.AddRange(positions);
        await db.SaveChangesAsync(cancellationToken);
        var last = positions[^1];
        db.Add(new DeviceLastPosition { DeviceId = minibus.Id, PositionId = last.Id, Time = last.Time });

        // The replay: the stored track through the engine's deployment watch, its alerts raised as the pipeline raises them.
        var engine = new TrackingEngine(TimeSpan.FromMinutes(10));
        engine.LoadDeployments(await new DeploymentWatches().LoadAsync(db, now, cancellationToken));
        var detected = engine.Observe([.. positions.Select(p => new Observation(minibus.EngineSubject, p.Time, p.Latitude, p.Longitude, "position", p.Id, TrackerId))]);
        foreach (var d in detected.Where(d => d.Deployment is not null))
        {
            db.Raise(new AlertDraft(d.Kind, d.Severity, d.Title, d.At)
            {
                Detail = d.Detail, SubjectLabel = d.Subject, Latitude = d.Latitude, Longitude = d.Longitude, Evidence = d.Evidence,
                SubjectType = "consent", SubjectId = d.Deployment!.Id,
            }, d.Deployment.Audience, [new AlertInput(d.Deployment.Anchor, "consent"), new AlertInput(minibus, "device")]);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The exercise team's standing consent, when the consent demo has not seeded one.</summary>
    private static Consent StandingConsent(JsmsDbContext db, DateTime now, Guid pakistan, Dictionary<string, Guid> agencies, Dictionary<string, Guid> users)
    {
        var area = Geo.Factory.CreateMultiPolygon([Geo.Parse<Polygon>(Islamabad)]);
        DeployedPerson[] people =
        [
            new() { Id = Guid.NewGuid(), Name = "Exercise director", Rank = "Lieutenant Colonel", Role = "Exercise director" },
            new() { Id = Guid.NewGuid(), Name = "Trainer", Rank = "Major", Role = "Instructor" },
        ];
        var request = new ConsentRequest
        {
            Id = Guid.NewGuid(), HostStateId = pakistan, Kind = ConsentKind.TrainingTeam, Purpose = "Joint counter-terrorism exercise team (standing consent for the year)",
            Area = area, PeriodStart = now.AddDays(-30), PeriodEnd = now.AddDays(335), Standing = true, DecisionDeadline = now.AddDays(-35),
            Personnel = [.. people.Select(p => new DeployedPerson { Id = p.Id, Name = p.Name, Rank = p.Rank, Role = p.Role })],
            Vehicles = [new DeployedVehicle { Id = Guid.NewGuid(), Kind = "Minibus", Callsign = "EX-BUS-1" }],
            Status = ConsentRequestStatus.Approved, Rule = DecisionRule.All, Round = 1, CreatedAt = now.AddDays(-45), SubmittedAt = now.AddDays(-45),
            DecidedAt = now.AddDays(-40), OwnerAgencyId = agencies["CN-MPS"], CreatedByUserId = users["cn.coordinator"], Tlp = Tlp.Amber,
        };
        request.Authorities = [new ConsentAuthority { RequestId = request.Id, AgencyId = agencies["PK-NACTA"] }];
        var consent = new Consent
        {
            Id = Guid.NewGuid(), RequestId = request.Id, HostStateId = pakistan, RequestingAgencyId = agencies["CN-MPS"], Kind = ConsentKind.TrainingTeam,
            Purpose = request.Purpose, EffectiveArea = (MultiPolygon)area.Copy(), EffectiveStart = request.PeriodStart, EffectiveEnd = request.PeriodEnd,
            Standing = true, Personnel = [.. people],
            Vehicles = [new DeployedVehicle { Id = request.Vehicles[0].Id, Kind = "Minibus", Callsign = "EX-BUS-1" }],
            Status = ConsentStatus.Active, Version = 1, GrantedAt = now.AddDays(-40),
            OwnerAgencyId = agencies["PK-NACTA"], CreatedByUserId = users["pk.coordinator"], Tlp = Tlp.Amber,
        };
        request.ConsentId = consent.Id;
        db.AddRange(request, consent);
        db.Add(new ReleaseGrant { RecordId = request.Id, AgencyId = agencies["PK-NACTA"] });
        db.Add(new ReleaseGrant { RecordId = consent.Id, AgencyId = agencies["CN-MPS"] });
        return consent;
    }
}
