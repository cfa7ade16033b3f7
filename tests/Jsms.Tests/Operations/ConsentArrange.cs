using System.Diagnostics.CodeAnalysis;
using System.Net;
using Jsms.Features.Operations;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Platform.Access;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Scope = "namespaceanddescendants",
    Target = "~N:Jsms.Tests.Operations", Justification = "Literal request bodies read once per test.")]

namespace Jsms.Tests.Operations;

/// <summary>
/// Granted consents for the joint-operation and deployment-watch tests, written straight to the database as the decision
/// path leaves them (the decisions themselves are tested on their own): CN-MPS asked, PK-NACTA granted, AMBER released to
/// CN-MPS. Areas are squares around Karachi, longitude first.
/// </summary>
internal static class ConsentArrange
{
    /// <summary>A square around Karachi.</summary>
    public const string Karachi = """{"type":"Polygon","coordinates":[[[66.9,24.7],[67.3,24.7],[67.3,25.1],[66.9,25.1],[66.9,24.7]]]}""";

    /// <summary>Inside <see cref="Karachi"/>.</summary>
    public const string Harbour = """{"type":"Polygon","coordinates":[[[66.95,24.8],[67.05,24.8],[67.05,24.9],[66.95,24.9],[66.95,24.8]]]}""";

    /// <summary>Straddles the eastern edge of <see cref="Karachi"/>.</summary>
    public const string AcrossTheEdge = """{"type":"Polygon","coordinates":[[[67.2,24.8],[67.4,24.8],[67.4,24.9],[67.2,24.9],[67.2,24.8]]]}""";

    public sealed record Granted(Guid ConsentId, Guid RequestId, Guid[] Admitted, Guid[] NotAdmitted);

    /// <summary>
    /// A consent over <paramref name="area"/> for [start, end) admitting the first of two requested people (the second was
    /// left out by a condition), with a vehicle carrying each of <paramref name="trackers"/>.
    /// </summary>
    public static Task<Granted> GrantAsync(JsmsTestApp app, DateTime start, DateTime end, string area = Karachi, params string[] trackers)
        => app.WithDb(async db =>
        {
            var pk = await db.Set<State>().SingleAsync(s => s.IsoCode == "PK");
            var nacta = await db.Set<Agency>().SingleAsync(a => a.Code == "PK-NACTA");
            var mps = await db.Set<Agency>().SingleAsync(a => a.Code == "CN-MPS");
            var liaison = await db.Users.SingleAsync(u => u.UserName == "cn.liaison");
            var granter = await db.Users.SingleAsync(u => u.UserName == "pk.analyst");
            var polygon = Geo.Parse<Polygon>(area);
            var people = new[] { Guid.NewGuid(), Guid.NewGuid() };
            DeployedPerson Person(int i) => new() { Id = people[i], Name = i == 0 ? "Wang Jun" : "Chen Hao", Rank = "Inspector" };
            List<DeployedVehicle> Vehicles() => [.. trackers.Select(t => new DeployedVehicle { Id = Guid.NewGuid(), Kind = "Armoured car", Callsign = "MPS-" + t, DeviceId = t })];
            var request = new ConsentRequest
            {
                Id = Guid.NewGuid(), HostStateId = pk.Id, Kind = ConsentKind.JointPatrol, Purpose = "Joint patrols of the harbour (test)",
                Area = Geo.Factory.CreateMultiPolygon([polygon]), PeriodStart = start, PeriodEnd = end, DecisionDeadline = start,
                Status = ConsentRequestStatus.ApprovedWithConditions, Round = 1, Personnel = [Person(0), Person(1)], Vehicles = Vehicles(),
                Authorities = [], CreatedAt = start, OwnerAgencyId = mps.Id, Tlp = Tlp.Amber, CreatedByUserId = liaison.Id,
            };
            request.Authorities.Add(new ConsentAuthority { RequestId = request.Id, AgencyId = nacta.Id });
            var consent = new Consent
            {
                Id = Guid.NewGuid(), RequestId = request.Id, HostStateId = pk.Id, RequestingAgencyId = mps.Id, Kind = ConsentKind.JointPatrol,
                Purpose = request.Purpose, EffectiveArea = Geo.Factory.CreateMultiPolygon([(Polygon)polygon.Copy()]), EffectiveStart = start, EffectiveEnd = end,
                Personnel = [Person(0)], Vehicles = Vehicles(), Status = ConsentStatus.Active, Version = 1, GrantedAt = start,
                OwnerAgencyId = nacta.Id, Tlp = Tlp.Amber, CreatedByUserId = granter.Id,
            };
            request.ConsentId = consent.Id;
            db.AddRange(request, consent);
            db.Add(new ReleaseGrant { RecordId = request.Id, AgencyId = nacta.Id });
            db.Add(new ReleaseGrant { RecordId = consent.Id, AgencyId = mps.Id });
            await db.SaveChangesAsync();
            return new Granted(consent.Id, request.Id, [people[0]], [people[1]]);
        });

    /// <summary>Sets the consent's status as the host's step would (revoked, suspended) at the given time.</summary>
    public static Task SetStatusAsync(JsmsTestApp app, Guid consentId, ConsentStatus status, DateTime at)
        => app.WithDb(async db =>
        {
            var consent = await db.Set<Consent>().SingleAsync(c => c.Id == consentId);
            consent.Status = status;
            consent.StatusChangedAt = at;
            consent.StatusReason = "Test: the host's step.";
            consent.Version++;
            await db.SaveChangesAsync();
        });

    /// <summary>A tracker of CN-MPS released to PK-NACTA (the host reads the team's positions); returns its unique id.</summary>
    public static async Task<string> TrackerAsync(HttpClient cnCoordinator, string name)
    {
        var uniqueId = name + "-" + Guid.NewGuid().ToString("N")[..8];
        await (await cnCoordinator.Post("/api/devices", new { uniqueId, name, marking = new { tlp = "AMBER", releaseTo = new[] { "PK-NACTA" } } }))
            .Read<DeviceDto>(HttpStatusCode.Created);
        return uniqueId;
    }
}
