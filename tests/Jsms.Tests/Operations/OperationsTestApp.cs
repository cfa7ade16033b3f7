using System.Net;
using Jsms.Features.Operations;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Operations;

/// <summary>
/// The demo app with two more Pakistani authorities (PK-ISI with coordinator pk.isi; PK-MOD with analysts pk.mod and
/// pk.mod2) beside PK-NACTA, so a request can name three host authorities; and intent methods for consent requests.
/// </summary>
public sealed class OperationsTestApp : JsmsTestApp
{
    private readonly SemaphoreSlim _hosts = new(1, 1);

    // The tests move the clock by days (deadlines, periods, expiry): cached tokens must outlive that.
    protected override IEnumerable<string> ExtraArguments => ["--Jsms:TokenLifetimeMinutes=525600"];
    private bool _hostsReady;

    /// <summary>A square around Karachi (longitude first).</summary>
    public const string Karachi = """{"type":"Polygon","coordinates":[[[66.9,24.7],[67.3,24.7],[67.3,25.1],[66.9,25.1],[66.9,24.7]]]}""";

    /// <summary>The south-west quarter of <see cref="Karachi"/>.</summary>
    public const string KarachiSouthWest = """{"type":"Polygon","coordinates":[[[66.9,24.7],[67.1,24.7],[67.1,24.9],[66.9,24.9],[66.9,24.7]]]}""";

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public async Task EnsureHostsAsync()
    {
        await _hosts.WaitAsync();
        try
        {
            if (_hostsReady)
            {
                return;
            }
            await WithDb(async db =>
            {
                var pk = await db.Set<State>().SingleAsync(s => s.IsoCode == "PK");
                db.Add(new Agency { Id = Guid.NewGuid(), StateId = pk.Id, Code = "PK-ISI", Name = "Inter-Services Intelligence (test)", Kind = AgencyKind.Intelligence });
                db.Add(new Agency { Id = Guid.NewGuid(), StateId = pk.Id, Code = "PK-MOD", Name = "Ministry of Defence (test)", Kind = AgencyKind.Military });
                await db.SaveChangesAsync();
            });
            await this.AddUserAsync("pk.isi", "PK-ISI", [JsmsRoles.Coordinator]);
            await this.AddUserAsync("pk.mod", "PK-MOD", [JsmsRoles.Analyst]);
            await this.AddUserAsync("pk.mod2", "PK-MOD", [JsmsRoles.Analyst]);
            _hostsReady = true;
        }
        finally
        {
            _hosts.Release();
        }
    }

    /// <summary>A request body from CN-MPS to Pakistan, starting in a day and lasting a week, deadline in 12 hours.</summary>
    public object RequestBody(string kind, string[] authorities, string purpose = "Liaison officers at coordination meetings", object[]? personnel = null)
        => new
        {
            hostState = "PK",
            authorities,
            kind,
            purpose,
            area = System.Text.Json.JsonDocument.Parse(Karachi).RootElement,
            periodStart = Now.AddDays(1),
            periodEnd = Now.AddDays(8),
            standing = false,
            personnel = personnel ?? new object[]
            {
                new { name = "Wang Jun", rank = "Superintendent", role = "Liaison officer", passportNumber = "E12345678", trainedOn = "2025-11-01", vettedOn = "2026-01-15" },
                new { name = "Chen Hao", rank = "Inspector", role = "Interpreter", passportNumber = "E87654321" },
            },
            vehicles = new object[] { new { kind = "Armoured car", callsign = "MPS-1", deviceId = "cn-mps-car-1" } },
            equipment = new object[] { new { type = "Radio set", serialNumber = "RS-0042", quantity = 2 } },
            rulesOfEngagement = "ROE-LIAISON-1 (unarmed)",
            decisionDeadline = Now.AddHours(12),
        };

    /// <summary>Creates and submits a request as <paramref name="requester"/>; returns it as submitted.</summary>
    internal async Task<ConsentRequestDto> SubmittedRequestAsync(string kind, string[] authorities, string requester = "cn.liaison", object? body = null)
    {
        await EnsureHostsAsync();
        using var client = await LoginAs(requester);
        var created = await (await client.Post("/api/operations/consent-requests", body ?? RequestBody(kind, authorities)))
            .Read<ConsentRequestDto>(HttpStatusCode.Created);
        return await (await client.Post($"/api/operations/consent-requests/{created.Id}/submit", new { })).Read<ConsentRequestDto>();
    }

    public async Task<HttpResponseMessage> DecideAsync(string user, Guid requestId, object decision)
    {
        using var client = await LoginAs(user);
        return await client.Post($"/api/operations/consent-requests/{requestId}/decisions", decision);
    }

    /// <summary>Sets a host rule for Pakistan as its coordinator.</summary>
    public async Task SetRuleAsync(string kind, string rule, int? quorum = null)
    {
        using var coordinator = await LoginAs("pk.coordinator");
        (await coordinator.Put("/api/operations/decision-rules", new { hostState = "PK", kind, rule, quorum })).EnsureSuccessStatusCode();
    }

    public static object Approve => new { answer = "Approve" };

    public static object Refuse => new { answer = "Refuse", reasons = "Foreign forces on our soil are not agreed." };
}
