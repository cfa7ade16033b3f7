using System.Net;
using System.Text;
using System.Text.Json;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>
/// Infinity and NaN never enter: <c>1e309</c> in any number of any protocol is a 400 naming the field and nothing is stored,
/// so a partner with release cannot break everyone's device list by sending one.
/// </summary>
public sealed class PoisonedNumberTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    private const double Lat = 24.8600, Lon = 67.0100;

    private async Task<string> NewDevice()
    {
        using var client = await app.LoginAs("pk.analyst");
        var uniqueId = "poison-" + Guid.NewGuid().ToString("N")[..10];
        await (await client.Post("/api/devices", new { uniqueId, name = "Poison target", kind = "VehicleTracker" })).Read<DeviceDto>(HttpStatusCode.Created);
        return uniqueId;
    }

    private Task<int> PositionCount(string uniqueId) => app.WithDb(db =>
        db.Set<Position>().CountAsync(p => db.Set<Device>().Any(d => d.Id == p.DeviceId && d.UniqueId == uniqueId)));

    private static async Task<Dictionary<string, string[]>> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        return ((JsonElement)problem.Extensions["errors"]!).Deserialize<Dictionary<string, string[]>>()!;
    }

    [Theory]
    [InlineData("speed", "1e309")]
    [InlineData("bearing", "-1e309")]
    [InlineData("altitude", "1e309")]
    [InlineData("accuracy", "\"1e309\"")]
    [InlineData("latitude", "1e309")]
    public async Task A_json_position_with_a_non_finite_number_is_refused_naming_the_field_and_the_device_list_still_reads(string field, string value)
    {
        var device = await NewDevice();
        using var client = await app.LoginAs("pk.analyst");
        var time = app.Clock.GetUtcNow().AddMinutes(-1).UtcDateTime.ToString("O");
        var numbers = new Dictionary<string, string> { ["latitude"] = "24.86", ["longitude"] = "67.01", ["speed"] = "3", ["bearing"] = "90", ["altitude"] = "10", ["accuracy"] = "5" };
        numbers[field] = value;
        var body = $$"""[{"deviceId":"{{device}}","time":"{{time}}",{{string.Join(",", numbers.Select(n => $"\"{n.Key}\":{n.Value}"))}}}]""";

        var errors = await ErrorsOf(await client.PostAsync("/api/tracking/positions", new StringContent(body, Encoding.UTF8, "application/json")));

        Assert.Equal([$"[0].{field}"], errors.Keys);
        Assert.Equal(0, await PositionCount(device));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task Osmand_query_form_and_json_with_a_non_finite_number_are_refused_naming_the_field()
    {
        var device = await NewDevice();
        using var client = app.Anonymous();

        var query = await ErrorsOf(await client.GetAsync($"/api/tracking/osmand?id={device}&lat={Lat}&lon={Lon}&speed=1e309"));
        Assert.Equal(["speed"], query.Keys);
        var form = await ErrorsOf(await client.PostAsync("/api/tracking/osmand",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = device, ["lat"] = "1e309", ["lon"] = $"{Lon}" })));
        Assert.Equal(["lat"], form.Keys);
        var json = "{\"device_id\":\"" + device + "\",\"location\":{\"coords\":{\"latitude\":24.86,\"longitude\":67.01,\"altitude\":1e309}}}";
        var body = await ErrorsOf(await client.PostAsync("/api/tracking/osmand", new StringContent(json, Encoding.UTF8, "application/json")));
        Assert.Equal(["location.coords.altitude"], body.Keys);

        Assert.Equal(0, await PositionCount(device));
    }

    [Fact]
    public async Task An_osmand_json_body_with_an_empty_location_array_is_a_400_not_a_server_error()
    {
        var device = await NewDevice();
        using var client = app.Anonymous();
        var json = $$"""{"device_id":"{{device}}","location":[]}""";
        var errors = await ErrorsOf(await client.PostAsync("/api/tracking/osmand", new StringContent(json, Encoding.UTF8, "application/json")));
        Assert.Equal(["location"], errors.Keys);
    }

    [Fact]
    public async Task Cot_and_csv_import_with_a_non_finite_number_are_refused_naming_the_field()
    {
        var device = await NewDevice();
        using var client = await app.LoginAs("pk.analyst");
        var at = app.Clock.GetUtcNow().AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var cot = $"""<event version="2.0" uid="{device}" type="a-f-G-U-C" time="{at}" start="{at}" stale="{at}" how="m-g"><point lat="{Lat}" lon="{Lon}" hae="1e309" ce="5" le="5"/></event>""";
        var cotErrors = await ErrorsOf(await client.PostAsync("/api/tracking/cot", new StringContent(cot, Encoding.UTF8, "application/xml")));
        Assert.Equal(["event[0].point.hae"], cotErrors.Keys);

        var csv = $"deviceId,time,lat,lon,speed\n{device},{at},{Lat},{Lon},-1e309\n";
        var csvErrors = await ErrorsOf(await client.PostAsync("/api/tracking/import", new StringContent(csv, Encoding.UTF8, "text/csv")));
        Assert.Equal(["line 2"], csvErrors.Keys);
        Assert.Contains("speed", csvErrors["line 2"][0], StringComparison.Ordinal);

        Assert.Equal(0, await PositionCount(device));
    }

    [Fact]
    public async Task A_movement_checkpoint_or_route_with_a_non_finite_number_is_a_400_naming_the_field()
    {
        using var client = await app.LoginAs("pk.analyst");
        var checkpoint = """{"name":"Poisoned","status":"Planned","checkpoints":[{"name":"A","latitude":1e309,"longitude":67.0}]}""";
        var errors = await ErrorsOf(await client.PostAsync("/api/movements", new StringContent(checkpoint, Encoding.UTF8, "application/json")));
        Assert.Equal(["checkpoints[0].latitude"], errors.Keys);

        var route = """{"name":"Poisoned","status":"Planned","route":{"type":"LineString","coordinates":[[67.0,24.8],[67.1,-1e309]]}}""";
        errors = await ErrorsOf(await client.PostAsync("/api/movements", new StringContent(route, Encoding.UTF8, "application/json")));
        Assert.Equal(["route"], errors.Keys);
        Assert.Contains("/coordinates/1/1", errors["route"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_finite_number_already_stored_reads_as_null_rather_than_failing_the_device_list()
    {
        // Positions stored before the boundary refused them: the list must still answer for every reader of the device.
        var device = await NewDevice();
        using var client = await app.LoginAs("pk.analyst");
        var time = app.Clock.GetUtcNow().AddMinutes(-1).UtcDateTime.ToString("O");
        var stored = await client.PostAsync("/api/tracking/positions", new StringContent(
            $$"""[{"deviceId":"{{device}}","time":"{{time}}","latitude":24.86,"longitude":67.01,"speed":3}]""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        await app.WithDb(db => db.Set<Position>().Where(p => db.Set<Device>().Any(d => d.Id == p.DeviceId && d.UniqueId == device))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Speed, double.PositiveInfinity)));

        var response = await client.GetAsync("/api/devices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Single(d => d.GetProperty("uniqueId").GetString() == device);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastPosition").GetProperty("speed").ValueKind);
    }

    [Fact]
    public async Task A_page_form_with_a_non_finite_number_is_refused_on_that_field()
    {
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var code = "POISON-" + Guid.NewGuid().ToString("N")[..8];
        var response = await analyst.PostFormAsync("/Tracking/Sensor", [new("Form.Code", code), new("Form.Name", "Poisoned gate"), new("Form.Kind", "Gate"),
            new("Form.Latitude", "1e309"), new("Form.Longitude", "67.16"), new("Form.Marking.Tlp", "GREEN")]);
        Assert.Contains("data-field=\"latitude\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Set<Sensor>().AnyAsync(s => s.Code == code)));
    }
}
