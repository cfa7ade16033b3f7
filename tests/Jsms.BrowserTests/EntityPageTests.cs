using System.Text;
using System.Text.Json.Nodes;
using Jsms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>An intelligence entity page in Chromium: reached from a report by clicking a name, with its relationships and graph.</summary>
public sealed class EntityPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static JsonObject Stix(string type, string? name, JsonObject? extra = null)
    {
        var o = new JsonObject
        {
            ["type"] = type, ["spec_version"] = "2.1", ["id"] = $"{type}--{Guid.NewGuid()}",
            ["created"] = "2026-03-01T10:00:00.000Z", ["modified"] = "2026-03-01T10:00:00.000Z",
            ["object_marking_refs"] = new JsonArray("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
        };
        if (name is not null)
        {
            o["name"] = name;
        }
        foreach (var (key, value) in extra ?? [])
        {
            o[key] = value?.DeepClone();
        }
        return o;
    }

    private static JsonObject Link(JsonObject source, string type, JsonObject target)
        => Stix("relationship", null, new JsonObject { ["relationship_type"] = type, ["source_ref"] = (string)source["id"]!, ["target_ref"] = (string)target["id"]! });

    [Fact]
    public async Task A_threat_actor_named_in_a_report_opens_its_entity_page_with_relationships_and_graph()
    {
        var tag = "Ent" + Guid.NewGuid().ToString("N")[..6];
        var agency = Stix("identity", $"{tag} CTD Karachi", new JsonObject { ["identity_class"] = "organization" });
        var actor = Stix("threat-actor", $"{tag} Coastal Brigade", new JsonObject
        {
            ["threat_actor_types"] = new JsonArray("terrorist"), ["aliases"] = new JsonArray($"{tag} CB", "Sea Wolves"),
            ["description"] = "Claims attacks on convoys along the coastal highway.", ["created_by_ref"] = (string)agency["id"]!,
        });
        var malware = Stix("malware", $"{tag} DarkBeacon", new JsonObject { ["is_family"] = true, ["malware_types"] = new JsonArray("remote-access-trojan") });
        var indicator = Stix("indicator", $"{tag} beacon C2 address", new JsonObject
        {
            ["pattern"] = "[ipv4-addr:value = '198.51.100.77']", ["pattern_type"] = "stix", ["valid_from"] = "2026-03-01T10:00:00Z",
        });
        var place = Stix("location", $"{tag} Karachi port", new JsonObject { ["latitude"] = 24.84, ["longitude"] = 66.98, ["country"] = "PK" });
        var campaign = Stix("campaign", $"{tag} Convoy ambushes 2026");
        var report = Stix("report", $"{tag} Threat assessment March", new JsonObject
        {
            ["published"] = "2026-03-02T09:00:00Z", ["report_types"] = new JsonArray("threat-actor"), ["created_by_ref"] = (string)agency["id"]!,
            ["object_refs"] = new JsonArray((string)actor["id"]!, (string)malware["id"]!, (string)indicator["id"]!, (string)place["id"]!),
        });
        var sighting = Stix("sighting", null, new JsonObject
        {
            ["sighting_of_ref"] = (string)indicator["id"]!, ["where_sighted_refs"] = new JsonArray((string)agency["id"]!),
            ["first_seen"] = "2026-03-01T08:00:00Z", ["last_seen"] = "2026-03-01T09:00:00Z", ["count"] = 3,
        });
        JsonNode[] objects = [agency, actor, malware, indicator, place, campaign, report, sighting,
            Link(actor, "uses", malware), Link(indicator, "indicates", actor), Link(actor, "located-at", place), Link(campaign, "attributed-to", actor),
            Link(indicator, "indicates", malware)];
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = new JsonArray(objects) };

        using (var api = await browser.App.LoginAs("pk.analyst"))
        {
            var created = await api.PostAsync("/api/intelligence/collections",
                new StringContent($$"""{"title":"{{tag}} entity pages","defaultTlp":"GREEN"}""", Encoding.UTF8, "application/json"));
            var collection = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            var imported = await api.PostAsync($"/api/intelligence/collections/{collection}/import", new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        var page = await browser.LoginAs("ru.analyst");
        await page.GotoAsync("/Intelligence/Object?id=" + Uri.EscapeDataString((string)report["id"]!));
        await Expect(page.Locator("[data-testid=stix-name]")).ToHaveTextAsync($"{tag} Threat assessment March");
        await page.Locator("[data-property=object_refs] [data-testid=stix-ref]").GetByText($"{tag} Coastal Brigade").ClickAsync();

        await Expect(page.Locator("[data-testid=stix-name]")).ToHaveTextAsync($"{tag} Coastal Brigade");
        await Expect(page.Locator("[data-testid=stix-type]")).ToHaveTextAsync("threat-actor");
        await Expect(page.Locator("[data-property=created_by_ref]")).ToContainTextAsync($"{tag} CTD Karachi");
        await Expect(page.Locator("[data-testid=stix-relationship][data-kind=uses]")).ToContainTextAsync($"{tag} DarkBeacon");
        await Expect(page.Locator("[data-testid=stix-relationship][data-kind=indicates]")).ToContainTextAsync($"{tag} beacon C2 address");
        await Expect(page.Locator("[data-testid=stix-relationship][data-kind=attributed-to]")).ToContainTextAsync($"{tag} Convoy ambushes 2026");
        await Expect(page.Locator("[data-testid=stix-report-link]")).ToHaveTextAsync($"{tag} Threat assessment March");
        var graph = page.Locator("[data-testid=stix-graph]");
        await Expect(graph).ToHaveAttributeAsync("data-ready", "true");
        await Expect(graph).ToHaveAttributeAsync("data-nodes", "5");
        await Expect(graph.Locator("canvas").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "entity-page");

        // Depth 2 brings the indicator's sighting and the malware's other neighbours into the graph.
        await page.Locator("[data-testid=stix-graph-depth]").SelectOptionAsync("2");
        await Expect(graph).Not.ToHaveAttributeAsync("data-nodes", "5");
        await Expect(page.Locator("[data-testid=stix-json] summary")).ToHaveTextAsync("STIX JSON");
    }
}
