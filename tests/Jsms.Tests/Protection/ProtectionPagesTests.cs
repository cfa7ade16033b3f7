using System.Net;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Protection;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Protection;

/// <summary>/Protection pages: persons, sites and movements through the same service and access rules as the API.</summary>
public sealed class ProtectionPagesTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private const string Perimeter = """{"type":"Polygon","coordinates":[[[67.30,24.78],[67.32,24.78],[67.32,24.80],[67.30,24.80],[67.30,24.78]]]}""";

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task A_person_created_on_the_page_shows_identifiers_only_to_those_allowed_and_a_masked_edit_keeps_them()
    {
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var created = await coordinator.PostFormAsync("/Protection/Person", [F("Form.Name", "Wang Fang"), F("Form.Nationality", "China"),
            F("Form.Project", "Port Qasim"), F("Form.PassportNumber", "EB1122334"), F("Form.Phone", "+923009998877"), F("Form.Marking.Tlp", "AMBER")]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = Guid.Parse(BrowserlessSession.FinalPath(created).Split('/').Last());
        Assert.Contains("EB1122334", await coordinator.Client.GetStringAsync("/Protection/Persons"), StringComparison.Ordinal);

        // An analyst of the same agency (a writer, but not allowed the identifiers) sees them masked, and is audited for none.
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var list = await analyst.Client.GetStringAsync("/Protection/Persons");
        Assert.Contains("Wang Fang", list, StringComparison.Ordinal);
        Assert.Contains("*******34", list, StringComparison.Ordinal);
        Assert.DoesNotContain("EB1122334", list, StringComparison.Ordinal);
        var form = await analyst.Client.GetStringAsync($"/Protection/Person/{id}");
        Assert.Contains("data-testid=\"identifiers-masked\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("EB1122334", form, StringComparison.Ordinal);
        var edited = await analyst.PostFormAsync($"/Protection/Person/{id}", [F("Form.Name", "Wang Fang"), F("Form.Nationality", "China"),
            F("Form.Employer", "CPEC Power"), F("Form.PassportNumber", ""), F("Form.Phone", ""), F("Form.Marking.Tlp", "AMBER")]);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        // Blank fields kept the identifiers; the coordinator still sees them in clear, and that look is audited.
        var again = await coordinator.Client.GetStringAsync($"/Protection/Person/{id}");
        Assert.Contains("EB1122334", again, StringComparison.Ordinal);
        Assert.Contains("CPEC Power", again, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == id && e.Action == "read" && e.UserName == "pk.analyst")));
        Assert.True(await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == id && e.Action == "read" && e.Detail == "identifiers shown" && e.UserName == "pk.coordinator")) >= 2);

        // Not released to RU-NAC: 404 on its page.
        using var russian = await app.SignInWebAsync("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russian.Client.GetAsync($"/Protection/Person/{id}")).StatusCode);
        Assert.DoesNotContain("Wang Fang", await russian.Client.GetStringAsync("/Protection/Persons"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_form_without_name_shows_the_errors_and_stores_nothing_and_a_viewer_cannot_post_it()
    {
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var before = await app.WithDb(db => db.Set<ProtectedPerson>().CountAsync());
        var response = await coordinator.PostFormAsync("/Protection/Person", [F("Form.Name", ""), F("Form.Nationality", "China"), F("Form.Marking.Tlp", "PURPLE")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"name\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"marking.tlp\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDb(db => db.Set<ProtectedPerson>().CountAsync()));

        using var viewer = await app.SignInWebAsync("pk.viewer");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.Client.GetAsync("/Protection/Person")).StatusCode);
        var refused = await viewer.PostFormAsync("/Protection/Person", [F("Form.Name", "X"), F("Form.Nationality", "China")], tokenFrom: "/Protection/Persons");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(before, await app.WithDb(db => db.Set<ProtectedPerson>().CountAsync()));
    }

    [Fact]
    public async Task A_site_with_a_pasted_perimeter_is_stored_and_a_perimeter_that_is_not_geojson_is_refused_on_the_form()
    {
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var created = await coordinator.PostFormAsync("/Protection/Site", [F("Form.Name", "Port Qasim power plant"), F("Form.Project", "CPEC"),
            F("Form.Perimeter", Perimeter), F("Form.WatchDistanceMetres", "300"), F("Form.LoiteringThresholdMinutes", "20"),
            F("Form.SecurityLevel", "High"), F("Form.Contacts", "Gate office +92 21 000"), F("Form.Marking.Tlp", "AMBER"), F("Form.Marking.ReleaseTo", "CN-MPS")]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var site = await app.WithDb(db => db.Set<Site>().AsNoTracking().SingleAsync(s => s.Name == "Port Qasim power plant"));
        Assert.Equal(300, site.WatchDistanceMetres);
        Assert.Equal(SecurityLevel.High, site.SecurityLevel);
        Assert.Contains(site.Perimeter.Coordinates, c => c.X == 67.32);
        Assert.Equal($"/Protection/Site/{site.Id}", BrowserlessSession.FinalPath(created));
        Assert.Contains("Port Qasim power plant", await coordinator.Client.GetStringAsync("/Protection/Sites"), StringComparison.Ordinal);

        // Released to CN-MPS: readable but not changeable there (no save button, and a post is a 404).
        using var chinese = await app.SignInWebAsync("cn.coordinator");
        var readOnly = await chinese.Client.GetStringAsync($"/Protection/Site/{site.Id}");
        Assert.DoesNotContain("data-testid=\"save-site\"", readOnly, StringComparison.Ordinal);
        var changed = await chinese.PostFormAsync($"/Protection/Site/{site.Id}", [F("Form.Name", "Renamed"), F("Form.Perimeter", Perimeter),
            F("Form.WatchDistanceMetres", "300"), F("Form.LoiteringThresholdMinutes", "20")], tokenFrom: "/Protection/Sites");
        Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
        using var russian = await app.SignInWebAsync("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russian.Client.GetAsync($"/Protection/Site/{site.Id}")).StatusCode);

        var count = await app.WithDb(db => db.Set<Site>().CountAsync());
        var bad = await coordinator.PostFormAsync("/Protection/Site", [F("Form.Name", "Broken"), F("Form.Perimeter", "{\"type\":\"Polygon\",\"coord"),
            F("Form.WatchDistanceMetres", "-5"), F("Form.LoiteringThresholdMinutes", "20")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Not valid GeoJSON", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"watchDistanceMetres\"", html, StringComparison.Ordinal);
        var open = await coordinator.PostFormAsync("/Protection/Site", [F("Form.Name", "Open ring"), F("Form.Perimeter", """{"type":"LineString","coordinates":[[67.3,24.7],[67.4,24.8]]}"""),
            F("Form.WatchDistanceMetres", "100"), F("Form.LoiteringThresholdMinutes", "20")]);
        Assert.Equal(HttpStatusCode.BadRequest, open.StatusCode);
        Assert.Contains("data-field=\"perimeter\"", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(count, await app.WithDb(db => db.Set<Site>().CountAsync()));
    }

    [Fact]
    public async Task The_movement_form_refuses_a_tracker_the_writer_may_not_read_beside_the_field_and_saves_nothing()
    {
        using var owner = await app.LoginAs("pk.analyst");
        var hidden = "strict-" + Guid.NewGuid().ToString("N")[..10];
        (await owner.PostAsync("/api/devices", System.Net.Http.Json.JsonContent.Create(new { uniqueId = hidden, name = "Pakistan's own", kind = "VehicleTracker", marking = new { tlp = "AMBER+STRICT" } })))
            .EnsureSuccessStatusCode();
        using var liaison = await app.SignInWebAsync("cn.liaison");
        var name = "Convoy naming a hidden tracker " + Guid.NewGuid().ToString("N")[..6];

        var refused = await liaison.PostFormAsync("/Protection/MovementEdit", [F("Form.Name", name), F("Form.Status", "Planned"),
            F("Form.Vehicles", "demo-convoy-lead, " + hidden), F("Form.CorridorMetres", "250")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("vehicles[1]", html, StringComparison.Ordinal);
        Assert.Contains("No record you may read has this id.", html, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Set<Movement>().AnyAsync(m => m.Name == name)));
    }

    [Fact]
    public async Task An_unauthorised_user_gets_404_on_the_movement_pages_and_the_access_log_lists_every_authorised_look()
    {
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var principal = await app.WithDb(db => db.Set<ProtectedPerson>().Select(p => p.Id).FirstAsync());
        var created = await coordinator.PostFormAsync("/Protection/MovementEdit", [F("Form.Name", "Engineers to the power plant"),
            F("Form.Status", "Planned"), F("Form.Principals", principal.ToString()), F("Form.Vehicles", "demo-convoy-lead"), F("Form.Escort", "demo-convoy-escort"),
            F("Form.Route", """{"type":"LineString","coordinates":[[67.16,24.90],[67.25,24.84],[67.31,24.79]]}"""), F("Form.CorridorMetres", "250"),
            F("Form.Checkpoints", "Shah Faisal interchange; 24.88; 67.19; 2026-03-10 09:30\nPlant gate; 24.79; 67.31"),
            F("Form.DepartEarliest", "2026-03-10T09:00"), F("Form.DepartLatest", "2026-03-10T09:15"), F("Form.ArriveLatest", "2026-03-10T10:30"),
            F("Form.Recipients", "cn.liaison")]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var path = BrowserlessSession.FinalPath(created);
        Assert.StartsWith("/Protection/Movement/", path, StringComparison.Ordinal);
        var id = Guid.Parse(path.Split('/').Last());
        var movement = await app.WithDb(db => db.Set<Movement>().AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(250, movement.CorridorMetres);
        Assert.Equal(new DateTime(2026, 3, 10, 10, 30, 0, DateTimeKind.Utc), movement.ArriveLatest);
        Assert.Contains("Plant gate", movement.CheckpointsJson, StringComparison.Ordinal);
        Assert.Contains("demo-convoy-escort", movement.EscortJson, StringComparison.Ordinal);

        // On the named list: sees it, and the look is audited.
        using var liaison = await app.SignInWebAsync("cn.liaison");
        Assert.Contains($"data-movement-id=\"{id}\"", await liaison.Client.GetStringAsync("/Protection/Movements"), StringComparison.Ordinal);
        var page = await liaison.Client.GetStringAsync($"/Protection/Movement/{id}");
        Assert.Contains("Engineers to the power plant", page, StringComparison.Ordinal);
        Assert.Contains("Shah Faisal interchange", page, StringComparison.Ordinal);
        Assert.DoesNotContain("access-log-link", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.Client.GetAsync($"/Protection/MovementAccess/{id}")).StatusCode);

        // Not on the list (another coordinator, an analyst of the owner agency, another agency): 404 everywhere, nothing listed.
        foreach (var outsider in new[] { "cn.coordinator", "pk.analyst", "us.analyst" })
        {
            using var session = await app.SignInWebAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/Protection/Movement/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/Protection/MovementEdit/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/Protection/MovementAccess/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/Protection/MovementAccess/{id}?handler=Csv")).StatusCode);
            Assert.DoesNotContain(id.ToString(), await session.Client.GetStringAsync("/Protection/Movements"), StringComparison.Ordinal);
        }

        // The owner's coordinator runs "who has seen this movement": every authorised look, nobody else.
        var log = await coordinator.Client.GetStringAsync($"/Protection/MovementAccess/{id}");
        Assert.Contains("data-user=\"cn.liaison\" data-action=\"list\"", log, StringComparison.Ordinal);
        Assert.Contains("data-user=\"cn.liaison\" data-action=\"read\"", log, StringComparison.Ordinal);
        Assert.Contains("data-user=\"pk.coordinator\" data-action=\"create\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain("us.analyst", log, StringComparison.Ordinal);
        Assert.DoesNotContain("cn.coordinator", log, StringComparison.Ordinal);
        var csv = await coordinator.Client.GetAsync($"/Protection/MovementAccess/{id}?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("sequence,timestamp,user,agency,action,detail,remote_address\n", text, StringComparison.Ordinal);
        Assert.Contains(",cn.liaison,CN-MPS,read,page,", text, StringComparison.Ordinal);
        // Running the report, and exporting it, are looks too.
        Assert.Equal(1, await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == id && e.Action == "export" && e.Detail == "access log")));
        Assert.True(await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == id && e.Action == "read" && e.Detail == "access log")) >= 1);
    }

    [Fact]
    public async Task A_movement_form_with_bad_input_shows_every_error_and_stores_nothing()
    {
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var before = await app.WithDb(db => db.Set<Movement>().CountAsync());
        var response = await coordinator.PostFormAsync("/Protection/MovementEdit", [F("Form.Name", "Bad"), F("Form.CorridorMetres", "5"),
            F("Form.DepartEarliest", "2026-03-10T10:00"), F("Form.DepartLatest", "2026-03-10T09:00"), F("Form.Checkpoints", "No place; north; east"),
            F("Form.Recipients", "nobody.here")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "corridorMetres", "departLatest", "checkpoints[0]" })
        {
            Assert.Contains($"data-field=\"{field}\"", html, StringComparison.Ordinal);
        }
        var notJson = await coordinator.PostFormAsync("/Protection/MovementEdit", [F("Form.Name", "Bad route"), F("Form.Route", "67.1 24.9, 67.2 24.8")]);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("data-field=\"route\"", await notJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDb(db => db.Set<Movement>().CountAsync()));
    }
}
