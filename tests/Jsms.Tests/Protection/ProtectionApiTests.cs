using System.Net;
using Jsms.Platform.Access;
using Jsms.Features.Alerts;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Demo;
using Jsms.Features.Protection;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Protection;

/// <summary>Protected persons (identifiers encrypted and shown only to those allowed) and sites, over HTTP.</summary>
public sealed class ProtectionApiTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private const string Perimeter = """{"type":"Polygon","coordinates":[[[67.30,24.78],[67.32,24.78],[67.32,24.80],[67.30,24.80],[67.30,24.78]]]}""";

    [Fact]
    public async Task Passport_and_phone_are_encrypted_at_rest_and_shown_in_clear_only_to_those_allowed()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var created = await (await analyst.Post("/api/persons", new
        {
            name = "Li Na",
            nationality = "China",
            employer = "Port Qasim contractor",
            project = "Port Qasim",
            passportNumber = "EA7654321",
            phone = "+923001234567",
            marking = new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" }, recipients = new[] { "cn.liaison" } },
        })).Read<PersonDto>(HttpStatusCode.Created);
        // The creator sees what they wrote.
        Assert.Equal("EA7654321", created.PassportNumber);
        Assert.False(created.IdentifiersMasked);

        var row = await app.WithDb(db => db.Set<ProtectedPerson>().AsNoTracking().SingleAsync(p => p.Id == created.Id));
        Assert.DoesNotContain("7654321", row.PassportNumberProtected);
        Assert.DoesNotContain("1234567", row.PhoneProtected);

        async Task<PersonDto> As(string user)
        {
            using var client = await app.LoginAs(user);
            return await client.GetAs<PersonDto>($"/api/persons/{created.Id}");
        }
        // Owner agency's coordinator and a named recipient: in clear.
        Assert.Equal("+923001234567", (await As("pk.coordinator")).Phone);
        Assert.Equal("EA7654321", (await As("cn.liaison")).PassportNumber);
        // Readers without the need: masked (last two characters).
        var viewer = await As("pk.viewer");
        Assert.True(viewer.IdentifiersMasked);
        Assert.Equal("*******21", viewer.PassportNumber);
        Assert.Equal("***********67", viewer.Phone);
        Assert.True((await As("cn.coordinator")).IdentifiersMasked);
        // Not released to RU-NAC.
        using var russian = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russian.GetAsync($"/api/persons/{created.Id}")).StatusCode);
        // Each disclosure in clear is audited.
        Assert.True(await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == created.Id && e.Action == "read" && e.UserName == "cn.liaison")) >= 1);
        Assert.Equal(0, await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == created.Id && e.Action == "read" && e.UserName == "pk.viewer")));
    }

    [Fact]
    public async Task Persons_refuse_missing_fields_viewers_and_other_agencies()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var errors = await (await analyst.Post("/api/persons", new { name = " ", marking = new { tlp = "PURPLE" } })).ValidationErrors();
        Assert.Equal(["marking.tlp", "name", "nationality"], errors.Keys.Order());
        using var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Post("/api/persons", new { name = "X", nationality = "China" })).StatusCode);

        var person = await (await analyst.Post("/api/persons", new { name = "Zhou", nationality = "China", marking = new { tlp = "GREEN" } })).Read<PersonDto>(HttpStatusCode.Created);
        using var chinese = await app.LoginAs("cn.coordinator");
        Assert.Equal(HttpStatusCode.OK, (await chinese.GetAsync($"/api/persons/{person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chinese.Put($"/api/persons/{person.Id}", new { name = "Zhou Wei", nationality = "China" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chinese.DeleteAsync($"/api/persons/{person.Id}")).StatusCode);
        var updated = await (await analyst.Put($"/api/persons/{person.Id}", new { name = "Zhou Wei", nationality = "China", passportNumber = "G123" })).Read<PersonDto>();
        Assert.Equal("Zhou Wei", updated.Name);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/persons/{person.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_site_keeps_its_perimeter_as_geojson_and_bad_geometry_is_a_400_naming_the_problem()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var site = await (await analyst.Post("/api/sites", new
        {
            name = "Port Qasim power plant",
            project = "Port Qasim",
            perimeter = System.Text.Json.JsonDocument.Parse(Perimeter).RootElement,
            watchDistanceMetres = 300,
            loiteringThresholdMinutes = 20,
            securityLevel = "High",
        })).Read<SiteDto>(HttpStatusCode.Created);
        Assert.Equal("Polygon", site.Perimeter.GetProperty("type").GetString());
        Assert.Equal(67.30, site.Perimeter.GetProperty("coordinates")[0][0][0].GetDouble());
        Assert.Equal(SecurityLevel.High, site.SecurityLevel);
        Assert.Equal("AMBER", site.Marking.Tlp);

        var errors = await (await analyst.Post("/api/sites", new
        {
            name = "Broken",
            perimeter = new { type = "Polygon", coordinates = new[] { new[] { new[] { 67.3, 24.78 }, new[] { 67.32, 24.78 }, new[] { 67.32, 24.8 } } } },
            watchDistanceMetres = -1,
            loiteringThresholdMinutes = 0,
            securityLevel = "Extreme",
        })).ValidationErrors();
        Assert.Equal(["loiteringThresholdMinutes", "perimeter", "securityLevel", "watchDistanceMetres"], errors.Keys.Order());
        Assert.Contains("ring", errors["perimeter"][0]);
        Assert.Contains("perimeter", (await (await analyst.Post("/api/sites", new { name = "No shape", watchDistanceMetres = 100, loiteringThresholdMinutes = 10 })).ValidationErrors()).Keys);

        using var russian = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russian.GetAsync($"/api/sites/{site.Id}")).StatusCode);
        var moved = await (await analyst.Put($"/api/sites/{site.Id}", new
        {
            name = site.Name, perimeter = site.Perimeter, watchDistanceMetres = 800, loiteringThresholdMinutes = 45,
        })).Read<SiteDto>();
        Assert.Equal(800, moved.WatchDistanceMetres);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/sites/{site.Id}")).StatusCode);
    }
}

/// <summary>Movements are need-to-know: the named list and the owner's coordinators only; every look is audited and reported.</summary>
public sealed class MovementTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private Task<Guid> DemoMovementId() => app.WithDb(db => db.Set<Movement>().Where(m => m.Name == "Airport to Port Qasim convoy (demo)").Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task An_unauthorised_user_gets_404_and_the_access_log_shows_every_authorised_look()
    {
        var id = await DemoMovementId();
        // Outside the need to know: the owner agency's viewer, a partner's coordinator, another state's analyst.
        foreach (var user in new[] { "pk.viewer", "cn.coordinator", "ru.analyst", "us.analyst" })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/movements/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/movements/{id}/export")).StatusCode);
            Assert.DoesNotContain(await client.GetAs<List<MovementSummaryDto>>("/api/movements"), m => m.Id == id);
        }
        // The named list (pk.analyst, cn.liaison) and the owner's coordinators (pk.coordinator, admin) see it.
        foreach (var user in new[] { "pk.analyst", "cn.liaison", "pk.coordinator", "admin" })
        {
            using var client = await app.LoginAs(user);
            var movement = await client.GetAs<MovementDto>($"/api/movements/{id}");
            Assert.Equal("LineString", movement.Route!.Value.GetProperty("type").GetString());
            Assert.Equal("RED", movement.Marking.Tlp);
            Assert.Equal(2, movement.Checkpoints.Count);
            Assert.Contains(await client.GetAs<List<MovementSummaryDto>>("/api/movements"), m => m.Id == id);
        }
        using var liaison = await app.LoginAs("cn.liaison");
        var export = await liaison.GetAsync($"/api/movements/{id}/export");
        Assert.Equal("application/geo+json", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("FeatureCollection", await export.Content.ReadAsStringAsync());

        // Only the owner's coordinators run the report: a named analyst may see the movement but not who else did.
        using var analyst = await app.LoginAs("pk.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/movements/{id}/access-log")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/api/movements/{id}/access-log")).StatusCode);

        using var coordinator = await app.LoginAs("pk.coordinator");
        var log = await coordinator.GetAs<List<MovementAccessDto>>($"/api/movements/{id}/access-log");
        var reads = log.Where(e => e.Action == "read" && e.Detail is null).Select(e => e.UserName).ToHashSet();
        Assert.Superset(new HashSet<string> { "pk.analyst", "cn.liaison", "pk.coordinator", "admin" }, reads);
        Assert.Contains(log, e => e.Action == "export" && e.UserName == "cn.liaison" && e.Agency == "CN-MPS");
        Assert.Contains(log, e => e.Action == "list" && e.UserName == "pk.analyst");
        Assert.DoesNotContain(log, e => e.UserName is "pk.viewer" or "cn.coordinator" or "ru.analyst" or "us.analyst");

        var csv = await (await coordinator.GetAsync($"/api/movements/{id}/access-log?format=csv")).Content.ReadAsStringAsync();
        Assert.StartsWith("sequence,timestamp,user,agency,action,detail,remote_address", csv);
        Assert.Contains(",cn.liaison,CN-MPS,export,geojson,", csv);
        // Running the report is itself in the log.
        Assert.Contains(await coordinator.GetAs<List<MovementAccessDto>>($"/api/movements/{id}/access-log"),
            e => e.UserName == "pk.coordinator" && e.Action == "export" && e.Detail == "access log");
    }

    [Fact]
    public async Task A_movement_is_always_red_and_released_to_people_not_agencies()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var errors = await (await analyst.Post("/api/movements", new
        {
            name = "Leaky convoy",
            route = new { type = "Point", coordinates = new[] { 67.1, 24.9 } },
            corridorMetres = 5,
            checkpoints = new[] { new { name = "", latitude = 24.9, longitude = 67.1 } },
            departEarliest = "2026-03-11T08:00:00Z",
            departLatest = "2026-03-11T07:00:00Z",
            marking = new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } },
        })).ValidationErrors();
        Assert.Equal(["checkpoints[0]", "corridorMetres", "departLatest", "marking.releaseTo", "marking.tlp", "route"], errors.Keys.Order());

        var movement = await (await analyst.Post("/api/movements", new
        {
            name = "Site visit",
            status = "Planned",
            vehicles = new[] { "demo-convoy-lead" },
            route = new { type = "LineString", coordinates = new[] { new[] { 67.16, 24.90 }, new[] { 67.30, 24.79 } } },
            marking = new { recipients = new[] { "cn.liaison" } },
        })).Read<MovementDto>(HttpStatusCode.Created);
        Assert.Equal("RED", movement.Marking.Tlp);
        Assert.Equal(["cn.liaison"], movement.Marking.Recipients);
        // The creator keeps access; the owner's coordinator reads it; a viewer of the same agency does not.
        using var coordinator = await app.LoginAs("pk.coordinator");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/movements/{movement.Id}")).StatusCode);
        using var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/movements/{movement.Id}")).StatusCode);
        // The named liaison may read but not change (another agency's record).
        using var liaison = await app.LoginAs("cn.liaison");
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.Put($"/api/movements/{movement.Id}", new { name = "Changed" })).StatusCode);
        var underway = await (await coordinator.Put($"/api/movements/{movement.Id}", new { name = "Site visit", status = "UnderWay" })).Read<MovementDto>();
        Assert.Equal(MovementStatus.UnderWay, underway.Status);
    }

    [Fact]
    public async Task The_policy_lets_owner_coordinators_read_red_need_to_know_records_and_nothing_more()
    {
        var movementId = await DemoMovementId();
        var (coordinator, analyst, chinese) = await app.WithDb(async db => (
            (await Caller.ForUserAsync(await app.UserIdAsync("pk.coordinator"), db))!,
            (await Caller.ForUserAsync(await app.UserIdAsync("pk.viewer"), db))!,
            (await Caller.ForUserAsync(await app.UserIdAsync("cn.coordinator"), db))!));
        var redAlertId = Guid.NewGuid();
        var adminId = await app.UserIdAsync("admin");
        await app.WithDb(async db =>
        {
            var nacta = await db.Set<Jsms.Platform.Partners.Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync();
            db.Add(new Alert { Id = redAlertId, Kind = "test", Title = "RED, not need-to-know", RaisedAt = DateTime.UtcNow, OwnerAgencyId = nacta, Tlp = Tlp.Red, CreatedByUserId = adminId });
            await db.SaveChangesAsync();
        });
        await app.WithDb(async db =>
        {
            Assert.True(await db.Readable<Movement>(coordinator).AnyAsync(m => m.Id == movementId));
            Assert.False(await db.Readable<Movement>(analyst).AnyAsync(m => m.Id == movementId));
            Assert.False(await db.Readable<Movement>(chinese).AnyAsync(m => m.Id == movementId));
            // RED stays RED for every other kind of record: the coordinator is not named on this alert.
            Assert.False(await db.Readable<Alert>(coordinator).AnyAsync(a => a.Id == redAlertId));
        });
    }
}
