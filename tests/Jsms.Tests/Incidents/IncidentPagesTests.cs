using System.Net;
using Jsms.Features.Demo;
using Jsms.Features.Incidents;
using Jsms.Features.Protection;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Incidents;

/// <summary>/Incidents pages and the incidents panel of a site's page, over the demo incidents and the same rules as the API.</summary>
public sealed class IncidentPagesTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private Task<Guid> IdOf(string title) => app.WithDb(db => db.Set<Incident>().Where(i => i.Title == title).Select(i => i.Id).SingleAsync());

    [Fact]
    public async Task The_list_and_the_detail_render_and_a_partner_sees_only_what_was_released_to_it()
    {
        using var pakistan = await app.SignInWebAsync("pk.analyst");
        var list = await pakistan.Client.GetStringAsync("/Incidents?text=Karachi%20airport");
        Assert.Contains(DemoIncidents.KarachiAirportTitle, list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"incident-row\"", list, StringComparison.Ordinal);
        var paged = await pakistan.Client.GetStringAsync("/Incidents?country=PK&p=2");
        Assert.Contains("data-testid=\"incident-previous\"", paged, StringComparison.Ordinal);

        var dasu = await IdOf(DemoIncidents.DasuTitle);
        var detail = await pakistan.Client.GetStringAsync($"/Incidents/Incident/{dasu}");
        Assert.Contains("data-testid=\"sources-differ\"", detail, StringComparison.Ordinal);
        Assert.Contains("Provincial police first information report", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"incident-version\"", detail, StringComparison.Ordinal);

        using var china = await app.SignInWebAsync("cn.liaison");
        Assert.Equal(HttpStatusCode.OK, (await china.Client.GetAsync($"/Incidents/Incident/{dasu}")).StatusCode);
        using var russia = await app.SignInWebAsync("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Client.GetAsync($"/Incidents/Incident/{dasu}")).StatusCode);
        Assert.DoesNotContain(DemoIncidents.DasuTitle, await russia.Client.GetStringAsync("/Incidents?text=Dasu"), StringComparison.Ordinal);
        Assert.Contains(DemoIncidents.MoscowTitle, await russia.Client.GetStringAsync("/Incidents?text=Crocus"), StringComparison.Ordinal);

        // The partner sees fewer of the generated incidents than their owner.
        var own = await app.LoginAs("pk.analyst");
        var partner = await app.LoginAs("cn.liaison");
        var ownTotal = (await own.GetAs<IncidentPageDto>("/api/incidents?country=PK&pageSize=1")).Total;
        var partnerTotal = (await partner.GetAs<IncidentPageDto>("/api/incidents?country=PK&pageSize=1")).Total;
        Assert.InRange(partnerTotal, 1, ownTotal - 1);
    }

    [Fact]
    public async Task The_form_keeps_the_values_on_error_and_a_valid_form_creates_the_incident()
    {
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var title = "Form incident " + Guid.NewGuid().ToString("N")[..8];
        List<KeyValuePair<string, string>> fields =
        [
            F("Form.Title", title), F("Form.Summary", "Grenade thrown at a checkpost."), F("Form.OccurredOn", "2026-01-20"), F("Form.DatePrecision", "Day"),
            F("Form.Latitude", "north"), F("Form.Longitude", "71.5"), F("Form.Country", "PK"), F("Form.Admin1", "Khyber Pakhtunkhwa"),
            F("Form.PlacePrecision", "Exact"), F("Form.AttackTypes", "3"), F("Form.WeaponTypes", "6"), F("Form.TargetTypes", "3"), F("Form.Success", "true"),
            F("Form.Perpetrators", "Tehrik-i-Taliban Pakistan (TTP); Yes; Call to a journalist"),
            F("Form.Casualties[0].VictimClass", "SecurityForces"), F("Form.Casualties[0].KilledBest", "2"), F("Form.Casualties[0].InjuredBest", "3"),
            F("Form.Sources", "District police; https://police.example/report; 2026-01-20; 2; 3"), F("Form.Marking.Tlp", "AMBER"),
        ];

        var refused = await analyst.PostFormAsync("/Incidents/Edit", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"latitude\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{title}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"north\"", html, StringComparison.Ordinal);
        Assert.Contains("Tehrik-i-Taliban Pakistan (TTP); Yes; Call to a journalist", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb(db => db.Set<Incident>().CountAsync(i => i.Title == title)));

        fields[4] = F("Form.Latitude", "34.0");
        var created = await analyst.PostFormAsync("/Incidents/Edit", fields);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = await IdOf(title);
        Assert.Equal($"/Incidents/Incident/{id}", BrowserlessSession.FinalPath(created));
        var incident = await app.WithDb(db => db.Set<Incident>().Include(i => i.Casualties).AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((2, 3), (incident.KilledBest, incident.InjuredBest));
        Assert.Equal(34.0, incident.Latitude);
        Assert.Contains("data-incident-picker", await analyst.Client.GetStringAsync($"/Incidents/Edit/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_created_from_an_alert_starts_from_its_title_day_and_place_only_for_readers_of_the_alert()
    {
        var title = $"Vehicle loitering at the gate {Guid.NewGuid():N}";
        var alertId = Guid.NewGuid();
        await app.WithDb(async db =>
        {
            var owner = await db.Set<Jsms.Platform.Partners.Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync();
            db.Add(new Jsms.Features.Alerts.Alert
            {
                Id = alertId, Kind = "test", Title = title, RaisedAt = new DateTime(2026, 3, 9, 22, 15, 0, DateTimeKind.Utc), Status = Jsms.Features.Alerts.AlertStatus.Open,
                Latitude = 24.90612, Longitude = 67.16043, OwnerAgencyId = owner, Tlp = Jsms.Platform.Access.Tlp.AmberStrict,
            });
            await db.SaveChangesAsync();
        });
        using var pakistan = await app.SignInWebAsync("pk.analyst");

        var form = await pakistan.Client.GetStringAsync($"/Incidents/Edit?alert={alertId}");

        Assert.Contains($"value=\"{title}\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-09\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"24.90612\"", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{alertId}\"", form, StringComparison.Ordinal);
        using var russia = await app.SignInWebAsync("ru.analyst");
        var foreign = await russia.Client.GetStringAsync($"/Incidents/Edit?alert={alertId}");
        Assert.DoesNotContain(title, foreign, StringComparison.Ordinal);
        Assert.DoesNotContain(alertId.ToString(), foreign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sites_page_shows_the_readable_incidents_within_the_chosen_distance()
    {
        var site = await app.WithDb(db => db.Set<Site>().Where(s => s.Name == DemoTracking.AirportSiteName).Select(s => s.Id).SingleAsync());
        using var china = await app.SignInWebAsync("cn.liaison");

        var page = await china.Client.GetStringAsync($"/Protection/Site/{site}");

        Assert.Contains("data-testid=\"site-incidents\"", page, StringComparison.Ordinal);
        Assert.Contains(DemoIncidents.KarachiAirportTitle, page, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoIncidents.DasuTitle, page, StringComparison.Ordinal);
        var far = await china.Client.GetStringAsync($"/Protection/Site/{site}?withinKm=100");
        Assert.Contains("value=\"100\"", far, StringComparison.Ordinal);
    }
}
