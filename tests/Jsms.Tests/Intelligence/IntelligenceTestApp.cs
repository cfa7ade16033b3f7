using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Intelligence;

/// <summary>The app with a small TAXII max_content_length, and helpers to speak TAXII 2.1.</summary>
public sealed class IntelligenceTestApp : JsmsTestApp
{
    public const long MaxContentLength = 200_000;

    protected override IEnumerable<string> ExtraArguments => [$"--Jsms:Intelligence:MaxContentLength={MaxContentLength}", "--Jsms:Intelligence:RfiCheckSeconds=3600"];

    public const string Taxii = "application/taxii+json;version=2.1";

    /// <summary>A client that accepts TAXII 2.1 and signs in with a bearer token.</summary>
    public async Task<HttpClient> TaxiiAs(string user)
    {
        var client = await LoginAs(user);
        client.DefaultRequestHeaders.Accept.ParseAdd(Taxii);
        return client;
    }

    public async Task<Guid> CreateCollectionAsync(string user = "pk.analyst", string defaultTlp = "AMBER")
    {
        using var client = await LoginAs(user);
        var response = await client.PostAsync("/api/intelligence/collections",
            new StringContent(JsonSerializer.Serialize(new { title = "Test " + Guid.NewGuid().ToString("N")[..8], defaultTlp }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Posts objects to a collection over TAXII; returns the status resource.</summary>
    public async Task<JsonElement> PostObjectsAsync(string user, Guid collection, IEnumerable<JsonNode?> objects)
    {
        using var client = await TaxiiAs(user);
        var response = await client.PostAsync($"/taxii2/api/collections/{collection}/objects/", TaxiiBody(new JsonObject { ["objects"] = new JsonArray([.. objects.Select(o => o!.DeepClone())]) }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 202, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static StringContent TaxiiBody(JsonNode body)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii);
        return content;
    }

    /// <summary>The objects of the OASIS reference server's "High Value Indicator Collection" (8 versions of 5 objects).</summary>
    public static JsonArray ReferenceObjects()
    {
        var path = Infrastructure.SharedData.PathOf("taxii", "reference-server-default_data.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        return root["trustgroup1"]!["collections"]!.AsArray()
            .Single(c => (string?)c!["id"] == "91a7b528-80eb-42ed-a74d-c6fbd5a26116")!["objects"]!.AsArray();
    }

    public static JsonObject Indicator(string name, string? tlpId = null, string[]? releaseTo = null, string modified = "2026-03-01T10:00:00.000Z", string? id = null)
    {
        var o = new JsonObject
        {
            ["type"] = "indicator",
            ["spec_version"] = "2.1",
            ["id"] = id ?? $"indicator--{Guid.NewGuid()}",
            ["created"] = "2026-03-01T10:00:00.000Z",
            ["modified"] = modified,
            ["name"] = name,
            ["pattern"] = "[ipv4-addr:value = '198.51.100.7']",
            ["pattern_type"] = "stix",
            ["valid_from"] = "2026-03-01T10:00:00Z",
        };
        if (tlpId is not null)
        {
            o["object_marking_refs"] = new JsonArray(tlpId);
        }
        if (releaseTo is not null)
        {
            o["extensions"] = new JsonObject
            {
                [Jsms.Features.Intelligence.StixMarkings.ReleaseExtensionId] = new JsonObject
                {
                    ["extension_type"] = "property-extension",
                    ["release_to"] = new JsonArray([.. releaseTo.Select(r => (JsonNode)JsonValue.Create(r))]),
                },
            };
        }
        return o;
    }
}
