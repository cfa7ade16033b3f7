using Jsms.Features.Operations;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Demo;

/// <summary>
/// Consent requests from the first source document (demo): China's Ministry of Public Security asked that its security
/// agencies and forces be sent to Pakistan to help counter-terrorism missions and carry out joint strikes, and Pakistan's
/// agencies refused; Pakistan agreed that Chinese officials take part in security meetings and coordination, approved
/// here with conditions; and a joint exercise team holds a standing consent. Pakistan's rule for every kind is made
/// explicit: all named authorities must approve. Dates are relative to the clock's today.
/// </summary>
internal static class DemoOperations
{
    private const string Karachi = """{"type":"Polygon","coordinates":[[[66.85,24.75],[67.35,24.75],[67.35,25.15],[66.85,25.15],[66.85,24.75]]]}""";
    private const string Islamabad = """{"type":"Polygon","coordinates":[[[72.95,33.6],[73.2,33.6],[73.2,33.78],[72.95,33.78],[72.95,33.6]]]}""";
    private const string Sindh = """{"type":"Polygon","coordinates":[[[66.6,23.7],[71.1,23.7],[71.1,28.5],[66.6,28.5],[66.6,23.7]]]}""";

    public static async Task SeedAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = await db.Set<Agency>().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var pakistan = await db.Set<State>().Where(s => s.IsoCode == "PK").Select(s => s.Id).FirstAsync(cancellationToken);

        db.Add(new ConsentDecisionRule
        {
            Id = Guid.NewGuid(), HostStateId = pakistan, Rule = DecisionRule.All, SetByUserId = users["pk.coordinator"], UpdatedAt = now.AddDays(-60),
        });

        ConsentRequest Request(ConsentKind kind, string purpose, string area, DateTime start, DateTime end, bool standing, string[] authorities,
            DeployedPerson[] personnel, DeployedVehicle[] vehicles, RequestedEquipment[] equipment, DateTime createdAt)
        {
            var request = new ConsentRequest
            {
                Id = Guid.NewGuid(), HostStateId = pakistan, Kind = kind, Purpose = purpose, Area = Area(area), PeriodStart = start, PeriodEnd = end,
                Standing = standing, Personnel = [.. personnel], Vehicles = [.. vehicles], Equipment = [.. equipment],
                DecisionDeadline = createdAt.AddDays(10), Status = ConsentRequestStatus.Submitted, Rule = DecisionRule.All, Round = 1, Version = 2,
                CreatedAt = createdAt, SubmittedAt = createdAt.AddHours(1),
                OwnerAgencyId = agencies["CN-MPS"], CreatedByUserId = users["cn.coordinator"], Tlp = Tlp.Amber,
            };
            request.Authorities = [.. authorities.Select(code => new ConsentAuthority { RequestId = request.Id, AgencyId = agencies[code] })];
            db.Add(request);
            db.AddRange(request.Authorities.Select(a => new ReleaseGrant { RecordId = request.Id, AgencyId = a.AgencyId }));
            return request;
        }

        ConsentDecision Decide(ConsentRequest request, string authority, string user, ConsentAnswer answer, string reasons, string? conditions = null,
            string? narrowedArea = null)
        {
            var decision = new ConsentDecision
            {
                Id = Guid.NewGuid(), RequestId = request.Id, Round = 1, AuthorityAgencyId = agencies[authority], DecidedByUserId = users[user],
                Answer = answer, Reasons = reasons, Conditions = conditions, NarrowedArea = narrowedArea is null ? null : Area(narrowedArea),
                At = request.SubmittedAt!.Value.AddDays(3),
            };
            db.Add(decision);
            request.DecidedAt = decision.At;
            return decision;
        }

        void Grant(ConsentRequest request, ConsentDecision decision, ConsentRequestStatus status)
        {
            var consent = new Consent
            {
                Id = Guid.NewGuid(), RequestId = request.Id, HostStateId = pakistan, RequestingAgencyId = request.OwnerAgencyId, Kind = request.Kind,
                Purpose = request.Purpose,
                EffectiveArea = decision.NarrowedArea is { } narrowed ? ConsentAreas.Intersect(request.Area, narrowed) : request.Area,
                EffectiveStart = request.PeriodStart, EffectiveEnd = request.PeriodEnd, Standing = request.Standing, Exclusions = request.Exclusions,
                Conditions = decision.Conditions is null ? null : $"{CodeOf(decision)}: {decision.Conditions}",
                Personnel = [.. request.Personnel.Select(p => new DeployedPerson { Id = p.Id, Name = p.Name, Rank = p.Rank, Role = p.Role, TrainedOn = p.TrainedOn, VettedOn = p.VettedOn })],
                Vehicles = [.. request.Vehicles.Select(v => new DeployedVehicle { Id = v.Id, Kind = v.Kind, Callsign = v.Callsign, DeviceId = v.DeviceId })],
                Status = ConsentStatus.Active, GrantedAt = decision.At,
                OwnerAgencyId = decision.AuthorityAgencyId, CreatedByUserId = decision.DecidedByUserId, Tlp = Tlp.Amber,
            };
            db.Add(consent);
            db.Add(new ReleaseGrant { RecordId = consent.Id, AgencyId = request.OwnerAgencyId });
            request.Status = status;
            request.ConsentId = consent.Id;
        }

        string CodeOf(ConsentDecision d) => agencies.First(a => a.Value == d.AuthorityAgencyId).Key;

        var strikes = Request(ConsentKind.JointStrike,
            "Deployment of Chinese security agencies and military forces to assist counter-terrorism missions and conduct joint strikes",
            Sindh, now.AddDays(-10), now.AddDays(170), false, ["PK-NACTA", "PK-SINDH"],
            [Person("Strike team commander", "Colonel", "Commander"), Person("Special police unit", "Captain", "Team leader")],
            [Vehicle("Armoured personnel carrier", "MPS-APC-1"), Vehicle("Helicopter", "B-7K21")],
            [new RequestedEquipment { Id = Guid.NewGuid(), Type = "Assault rifle", Quantity = 40 }], now.AddDays(-40));
        strikes.RulesOfEngagement = "ROE-JS-01 (proposed)";
        Decide(strikes, "PK-NACTA", "pk.coordinator", ConsentAnswer.Refuse,
            "Foreign forces conducting operations on Pakistani soil is not agreed; security on the ground remains Pakistan's.");
        strikes.Status = ConsentRequestStatus.Refused;

        var liaison = Request(ConsentKind.LiaisonPresence,
            "Chinese officials take part in security meetings and coordination of the joint security management system",
            Karachi, now.AddDays(-5), now.AddDays(90), false, ["PK-NACTA"],
            [Person("Wang Jun", "Superintendent", "Liaison officer"), Person("Chen Hao", "Inspector", "Liaison officer")],
            [Vehicle("Embassy car", "CN-EMB-12")], [], now.AddDays(-25));
        var liaisonDecision = Decide(liaison, "PK-NACTA", "pk.coordinator", ConsentAnswer.ApproveWithConditions,
            "Participation in meetings and coordination is agreed.",
            "Meetings and coordination only: no part in security arrangements on the ground.", Karachi);
        Grant(liaison, liaisonDecision, ConsentRequestStatus.ApprovedWithConditions);

        var exercise = Request(ConsentKind.TrainingTeam, "Joint counter-terrorism exercise team (standing consent for the year)",
            Islamabad, now.AddDays(-30), now.AddDays(335), true, ["PK-NACTA"],
            [Person("Exercise director", "Lieutenant Colonel", "Exercise director"), Person("Trainer", "Major", "Instructor")],
            [Vehicle("Minibus", "EX-BUS-1")], [new RequestedEquipment { Id = Guid.NewGuid(), Type = "Training simulators", Quantity = 6 }],
            now.AddDays(-45));
        exercise.Exclusions = "Excludes live-fire training and any movement outside the exercise area.";
        var exerciseDecision = Decide(exercise, "PK-NACTA", "pk.coordinator", ConsentAnswer.Approve, "Standing consent for the annual joint exercise.");
        Grant(exercise, exerciseDecision, ConsentRequestStatus.Approved);

        await db.SaveChangesAsync(cancellationToken);
    }

    private static MultiPolygon Area(string polygon) => Geo.Factory.CreateMultiPolygon([Geo.Parse<Polygon>(polygon)]);

    private static DeployedPerson Person(string name, string rank, string role) => new() { Id = Guid.NewGuid(), Name = name, Rank = rank, Role = role };

    private static DeployedVehicle Vehicle(string kind, string callsign) => new() { Id = Guid.NewGuid(), Kind = kind, Callsign = callsign };
}
