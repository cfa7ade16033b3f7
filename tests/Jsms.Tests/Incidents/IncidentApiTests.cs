using System.Net;
using System.Text.Json;
using Jsms.Features.Incidents;
using Jsms.Features.Protection;
using Jsms.Platform.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Incidents;

/// <summary>/api/incidents: the register's create, read, update with versions, merge and delete, under the access policy.</summary>
public sealed class IncidentApiTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static readonly string[] ChineseLiaison = ["cn.liaison"];

    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];

    private static Dictionary<string, object?> Incident(string title, object? marking = null) => new()
    {
        ["title"] = title,
        ["summary"] = "A suicide bomber rammed an explosives-laden car into a convoy.",
        ["occurredOn"] = "2026-02-14",
        ["datePrecision"] = "Day",
        ["latitude"] = 34.87,
        ["longitude"] = 72.98,
        ["country"] = "pk",
        ["admin1"] = "Khyber Pakhtunkhwa",
        ["admin2"] = "Shangla",
        ["locationName"] = "Besham",
        ["placePrecision"] = "Near",
        ["attackTypes"] = new[] { 3 },
        ["weaponTypes"] = new[] { 6 },
        ["targetTypes"] = new[] { 19, 1 },
        ["suicide"] = true,
        ["perpetrators"] = new[] { new { name = "Tehrik-i-Taliban Pakistan (TTP)", claimed = "No" } },
        ["casualties"] = new object[]
        {
            new { victimClass = "ForeignNationals", killedBest = 5 },
            new { victimClass = "Civilians", killedBest = 1, injuredLow = 2, injuredBest = 3, injuredHigh = 4 },
        },
        ["sources"] = new[] { new { name = "Wire report", url = "https://news.example/besham", publishedOn = "2026-02-14", killed = 6, injured = 3 } },
        ["marking"] = marking ?? new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } },
    };

    private async Task<IncidentDetailDto> Create(string user, Dictionary<string, object?> body)
    {
        using var client = await app.LoginAs(user);
        return await (await client.Post("/api/incidents", body)).Read<IncidentDetailDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_incident_is_created_read_and_updated_and_each_change_is_a_version_naming_the_changed_fields()
    {
        var title = Unique("Besham convoy bombing");
        var created = await Create("pk.analyst", Incident(title));
        Assert.Equal(1, created.Version);
        Assert.Equal("PK", created.Country);
        Assert.Equal(6, created.KilledBest);
        Assert.Equal(3, created.InjuredBest);
        Assert.Equal("Bombing/Explosion", Assert.Single(created.AttackTypes).Label);
        Assert.Equal(PlacePrecision.Near, created.PlacePrecision);

        using var pakistan = await app.LoginAs("pk.analyst");
        var read = await pakistan.GetAs<IncidentDetailDto>($"/api/incidents/{created.Id}");
        Assert.Equal(title, read.Title);
        Assert.Equal(2, read.Casualties.Count);

        var body = Incident(title + " (corrected)");
        body["casualties"] = new object[] { new { victimClass = "ForeignNationals", killedLow = 5, killedBest = 5, killedHigh = 6 } };
        body["expectedVersion"] = 1;
        var updated = await (await pakistan.Put($"/api/incidents/{created.Id}", body)).Read<IncidentDetailDto>();
        Assert.Equal(2, updated.Version);
        Assert.Equal(5, updated.KilledBest);
        Assert.Equal(0, updated.InjuredBest);

        var history = await pakistan.GetAs<IncidentHistoryDto>($"/api/incidents/{created.Id}/versions");
        Assert.Equal([2, 1], history.Versions.Select(v => v.Version));
        Assert.Equal(["created"], history.Versions[1].ChangedFields);
        Assert.Contains("title", history.Versions[0].ChangedFields);
        Assert.Contains("casualties", history.Versions[0].ChangedFields);
        Assert.Contains("killedBest", history.Versions[0].ChangedFields);
        Assert.DoesNotContain("country", history.Versions[0].ChangedFields);
        Assert.Equal("pk.analyst", history.Versions[0].ChangedBy);
        Assert.Equal(title, history.Versions[1].Snapshot.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_update_sent_with_a_stale_version_answers_409_and_changes_nothing()
    {
        var title = Unique("Stale");
        var created = await Create("pk.analyst", Incident(title));
        using var pakistan = await app.LoginAs("pk.coordinator");
        var first = Incident(title + " first");
        first["expectedVersion"] = 1;
        await (await pakistan.Put($"/api/incidents/{created.Id}", first)).Read<IncidentDetailDto>();

        var second = Incident(title + " second");
        second["expectedVersion"] = 1;
        var response = await pakistan.Put($"/api/incidents/{created.Id}", second);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var now = await pakistan.GetAs<IncidentDetailDto>($"/api/incidents/{created.Id}");
        Assert.Equal(title + " first", now.Title);
        Assert.Equal(2, now.Version);
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_every_field_and_stores_nothing()
    {
        var title = Unique("Invalid");
        var body = Incident(title);
        body["attackTypes"] = new[] { 3, 42 };
        body["weaponTypes"] = new[] { 5, 6, 8, 9, 12 };
        body["targetTypes"] = new[] { 23 };
        body["casualties"] = new object[]
        {
            new { victimClass = "Civilians", killedLow = 4, killedBest = 2 },
            new { victimClass = "SecurityForces", killedBest = -1, injuredBest = 3, injuredHigh = 1 },
        };
        body["latitude"] = 95.0;
        body["occurredOn"] = "2026-03-11";
        body["admin1"] = new string('x', 201);
        body["sources"] = new[] { new { name = "", url = "ftp://x", killed = -2 } };
        body["siteIds"] = Array.Empty<Guid>();
        using var client = await app.LoginAs("pk.analyst");

        var errors = await (await client.Post("/api/incidents", body)).ValidationErrors();

        Assert.Contains("attackTypes[1]", errors.Keys);
        Assert.Contains("weaponTypes", errors.Keys);
        Assert.Contains("targetTypes[0]", errors.Keys);
        Assert.Contains("casualties[0].killedLow", errors.Keys);
        Assert.Contains("casualties[1].killedBest", errors.Keys);
        Assert.Contains("casualties[1].injuredHigh", errors.Keys);
        Assert.Contains("latitude", errors.Keys);
        Assert.Contains("occurredOn", errors.Keys);
        Assert.Contains("admin1", errors.Keys);
        Assert.Contains("sources[0].name", errors.Keys);
        Assert.Contains("sources[0].url", errors.Keys);
        Assert.Contains("sources[0].killed", errors.Keys);
        Assert.Equal(0, await app.WithDb(db => db.Set<Incident>().CountAsync(i => i.Title == title)));

        var badEnum = Incident(title);
        badEnum["datePrecision"] = "Fortnight";
        var problem = await (await client.Post("/api/incidents", badEnum)).ValidationErrors();
        Assert.Contains("datePrecision", problem.Keys);
    }

    [Fact]
    public async Task A_partner_without_release_gets_404_and_the_list_leaves_the_incident_out_and_a_red_read_is_audited()
    {
        var title = Unique("Unreleased");
        var hidden = await Create("pk.analyst", Incident(title, new { tlp = "AMBER" }));
        var shared = await Create("pk.analyst", Incident(title + " shared", new { tlp = "RED", recipients = ChineseLiaison }));

        using var china = await app.LoginAs("cn.liaison");
        Assert.Equal(HttpStatusCode.NotFound, (await china.GetAsync($"/api/incidents/{hidden.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await china.GetAsync($"/api/incidents/{hidden.Id}/versions")).StatusCode);
        var list = await china.GetAs<IncidentPageDto>($"/api/incidents?text={Uri.EscapeDataString(title)}");
        Assert.Equal([shared.Id], list.Items.Select(i => i.Id));
        Assert.Equal(1, list.Total);

        await china.GetAs<IncidentDetailDto>($"/api/incidents/{shared.Id}");
        Assert.True(await app.WithDb(db => db.Set<AuditEntry>().AnyAsync(e => e.RecordId == shared.Id && e.Action == "read" && e.UserName == "cn.liaison")));

        // Not the owner: may not change it, and the answer does not say it exists.
        var change = Incident(title + " shared");
        Assert.Equal(HttpStatusCode.NotFound, (await china.Put($"/api/incidents/{shared.Id}", change)).StatusCode);
        using var coordinator = await app.LoginAs("cn.coordinator");
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.DeleteAsync($"/api/incidents/{shared.Id}")).StatusCode);
    }

    [Fact]
    public async Task Naming_a_site_the_caller_may_not_read_answers_404_naming_the_field_and_stores_nothing()
    {
        using var pakistan = await app.LoginAs("pk.coordinator");
        var site = await (await pakistan.Post("/api/sites", new
        {
            name = Unique("Dasu camp"),
            perimeter = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[73.0,35.2],[73.01,35.2],[73.01,35.21],[73.0,35.2]]]}""").RootElement,
            watchDistanceMetres = 300,
            loiteringThresholdMinutes = 20,
            marking = new { tlp = "AMBER" },
        })).Read<SiteDto>(HttpStatusCode.Created);
        var title = Unique("Referencing");
        var body = Incident(title);
        body["siteIds"] = new[] { site.Id };

        using var china = await app.LoginAs("cn.coordinator");
        var response = await china.Post("/api/incidents", body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ValidationProblemAsync();
        Assert.Equal(["siteIds[0]"], problem.Errors.Keys);
        Assert.Equal(0, await app.WithDb(db => db.Set<Incident>().CountAsync(i => i.Title == title)));

        // The owner may link it.
        var linked = await Create("pk.analyst", body);
        Assert.Equal([site.Id], linked.SiteIds);
    }

    [Fact]
    public async Task Merging_a_second_report_keeps_each_sources_figures_and_soft_deletes_the_other_pointing_at_the_survivor()
    {
        var title = Unique("Karachi airport bombing");
        var first = await Create("pk.analyst", Incident(title));
        var second = Incident(title + " (second report)");
        second["sources"] = new[] { new { name = "Provincial police", publishedOn = "2026-02-15", killed = 7, injured = 10, format = "Manual" } };
        second["casualties"] = new object[] { new { victimClass = "ForeignNationals", killedBest = 6 } };
        second["perpetrators"] = new[] { new { name = "Balochistan Liberation Army (BLA)", claimed = "Yes", claimMode = "Statement on a channel" } };
        var other = await Create("pk.analyst", second);
        using var pakistan = await app.LoginAs("pk.analyst");

        var merged = await (await pakistan.Post($"/api/incidents/{first.Id}/merge", new { otherId = other.Id, expectedVersion = 1 })).Read<IncidentDetailDto>();

        Assert.Equal(2, merged.Version);
        Assert.Equal([6, 7], merged.Sources.Select(s => s.Killed!.Value).Order());
        Assert.True(merged.SourcesDiffer);
        var foreign = merged.Casualties.Single(c => c.VictimClass == VictimClass.ForeignNationals);
        Assert.Equal(((int?)null, 5, (int?)6), (foreign.KilledLow, foreign.KilledBest, foreign.KilledHigh));
        Assert.Equal(2, merged.Perpetrators.Count);
        var gone = await pakistan.GetAs<IncidentDetailDto>($"/api/incidents/{other.Id}");
        Assert.NotNull(gone.DeletedAt);
        Assert.Equal(first.Id, gone.MergedIntoId);
        var list = await pakistan.GetAs<IncidentPageDto>($"/api/incidents?text={Uri.EscapeDataString(title)}");
        Assert.Equal([first.Id], list.Items.Select(i => i.Id));
        var history = await pakistan.GetAs<IncidentHistoryDto>($"/api/incidents/{first.Id}/versions");
        Assert.Contains($"merged {other.Id}", history.Versions[0].ChangedFields);

        // Merging it again: it is gone, so 404 naming the field.
        var again = await pakistan.Post($"/api/incidents/{first.Id}/merge", new { otherId = other.Id });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(["otherId"], (await again.ValidationProblemAsync()).Errors.Keys);
    }

    [Fact]
    public async Task Merging_into_an_incident_shared_more_widely_than_the_other_is_refused()
    {
        var title = Unique("Wider");
        var wide = await Create("pk.analyst", Incident(title, new { tlp = "GREEN" }));
        var narrow = await Create("pk.analyst", Incident(title + " narrow", new { tlp = "RED" }));
        using var pakistan = await app.LoginAs("pk.analyst");

        var response = await pakistan.Post($"/api/incidents/{wide.Id}/merge", new { otherId = narrow.Id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null((await pakistan.GetAs<IncidentDetailDto>($"/api/incidents/{narrow.Id}")).DeletedAt);
        var reverse = await pakistan.Post($"/api/incidents/{narrow.Id}/merge", new { otherId = wide.Id });
        Assert.Equal(HttpStatusCode.OK, reverse.StatusCode);
    }

    [Fact]
    public async Task Delete_is_soft_for_the_owners_writers_and_a_viewer_is_refused()
    {
        var title = Unique("Deleted");
        var created = await Create("pk.analyst", Incident(title));
        using var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/incidents/{created.Id}")).StatusCode);

        using var pakistan = await app.LoginAs("pk.analyst");
        Assert.Equal(HttpStatusCode.NoContent, (await pakistan.DeleteAsync($"/api/incidents/{created.Id}")).StatusCode);

        Assert.Equal(0, (await pakistan.GetAs<IncidentPageDto>($"/api/incidents?text={Uri.EscapeDataString(title)}")).Total);
        var gone = await pakistan.GetAs<IncidentDetailDto>($"/api/incidents/{created.Id}");
        Assert.NotNull(gone.DeletedAt);
        Assert.Equal(2, gone.Version);
        Assert.Equal(HttpStatusCode.NotFound, (await pakistan.DeleteAsync($"/api/incidents/{created.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_period_place_attack_type_and_group_and_pages()
    {
        var region = Unique("Region");
        foreach (var (day, attack, group) in new[] { ("2025-01-05", 3, "Group A"), ("2025-02-10", 2, "Group B"), ("2025-03-15", 3, "Group B") })
        {
            var body = Incident(Unique("Filtered"));
            body["occurredOn"] = day;
            body["admin1"] = region;
            body["attackTypes"] = new[] { attack };
            body["perpetrators"] = new[] { new { name = group } };
            await Create("pk.analyst", body);
        }
        using var client = await app.LoginAs("pk.analyst");
        var a1 = Uri.EscapeDataString(region);

        Assert.Equal(3, (await client.GetAs<IncidentPageDto>($"/api/incidents?country=PK&admin1={a1}")).Total);
        Assert.Equal(2, (await client.GetAs<IncidentPageDto>($"/api/incidents?admin1={a1}&attackType=3")).Total);
        Assert.Equal(2, (await client.GetAs<IncidentPageDto>($"/api/incidents?admin1={a1}&group=group%20b")).Total);
        Assert.Equal(1, (await client.GetAs<IncidentPageDto>($"/api/incidents?admin1={a1}&from=2025-02-01&to=2025-02-28")).Total);
        var second = await client.GetAs<IncidentPageDto>($"/api/incidents?admin1={a1}&pageSize=2&page=2");
        Assert.Equal(new DateOnly(2025, 1, 5), Assert.Single(second.Items).OccurredOn);
        Assert.Equal(3, second.Total);

        var errors = await (await client.GetAsync("/api/incidents?attackType=10&pageSize=0")).ValidationErrors();
        Assert.Contains("attackType", errors.Keys);
        Assert.Contains("pageSize", errors.Keys);
    }
}
