using System.Net;
using Jsms.Features.Tracking;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>/Tracking/Devices and /Tracking/Sensors: list, create, edit and delete through the same registry as the API.</summary>
public sealed class TrackingPagesTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task A_tracker_is_created_edited_and_deleted_on_the_pages_and_a_duplicate_id_is_refused_on_the_form()
    {
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var created = await coordinator.PostFormAsync("/Tracking/Device", [F("Form.UniqueId", "page-tracker-1"), F("Form.Name", "Armoured car 3"),
            F("Form.Kind", "VehicleTracker"), F("Form.Subject", "BKA 221"), F("Form.Marking.Tlp", "AMBER")]);
        Assert.Equal("/Tracking/Devices", BrowserlessSession.FinalPath(created));
        Assert.Contains("page-tracker-1", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var id = await app.WithDb(db => db.Set<Device>().Where(d => d.UniqueId == "page-tracker-1").Select(d => d.Id).SingleAsync());

        var edited = await coordinator.PostFormAsync($"/Tracking/Device/{id}", [F("Form.UniqueId", "page-tracker-1"), F("Form.Name", "Armoured car 3"),
            F("Form.Kind", "PersonalTracker"), F("Form.Subject", "BKA 222"), F("Form.Marking.Tlp", "AMBER")]);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(DeviceKind.PersonalTracker, await app.WithDb(db => db.Set<Device>().Where(d => d.Id == id).Select(d => d.Kind).SingleAsync()));

        var duplicate = await coordinator.PostFormAsync("/Tracking/Device", [F("Form.UniqueId", "page-tracker-1"), F("Form.Name", "Copy"), F("Form.Kind", "Laptop")]);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var html = await duplicate.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"uniqueId\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"kind\"", html, StringComparison.Ordinal);

        // Another agency cannot see it; a viewer of the owner agency cannot delete it.
        using var russian = await app.SignInWebAsync("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russian.Client.GetAsync($"/Tracking/Device/{id}")).StatusCode);
        using var viewer = await app.SignInWebAsync("pk.viewer");
        Assert.DoesNotContain("data-testid=\"delete-device\"", await viewer.Client.GetStringAsync($"/Tracking/Device/{id}"), StringComparison.Ordinal);
        var refused = await viewer.PostFormAsync($"/Tracking/Device/{id}", [], handler: "Delete");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var deleted = await coordinator.PostFormAsync($"/Tracking/Device/{id}", [], handler: "Delete");
        Assert.Equal("/Tracking/Devices", BrowserlessSession.FinalPath(deleted));
        Assert.False(await app.WithDb(db => db.Set<Device>().AnyAsync(d => d.Id == id)));
    }

    [Fact]
    public async Task A_sensor_is_created_on_the_page_with_its_place_and_a_bad_place_stores_nothing()
    {
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var before = await app.WithDb(db => db.Set<Sensor>().CountAsync());
        var bad = await analyst.PostFormAsync("/Tracking/Sensor", [F("Form.Code", "KHI-GATE-09"), F("Form.Name", "North gate"), F("Form.Kind", "Gate"),
            F("Form.Latitude", "95"), F("Form.Longitude", "67.16")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data-field=\"latitude\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDb(db => db.Set<Sensor>().CountAsync()));

        var created = await analyst.PostFormAsync("/Tracking/Sensor", [F("Form.Code", "KHI-GATE-09"), F("Form.Name", "North gate"), F("Form.Kind", "Gate"),
            F("Form.Latitude", "24.91"), F("Form.Longitude", "67.16"), F("Form.Marking.Tlp", "GREEN")]);
        Assert.Equal("/Tracking/Sensors", BrowserlessSession.FinalPath(created));
        var list = await created.Content.ReadAsStringAsync();
        Assert.Contains("KHI-GATE-09", list, StringComparison.Ordinal);
        Assert.Contains("KHI-ANPR-01", list, StringComparison.Ordinal);
        var sensor = await app.WithDb(db => db.Set<Sensor>().AsNoTracking().SingleAsync(s => s.Code == "KHI-GATE-09"));
        Assert.Equal(SensorKind.Gate, sensor.Kind);
        Assert.Equal(24.91, sensor.Latitude);
    }
}
