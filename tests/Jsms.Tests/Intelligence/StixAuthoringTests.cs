using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Features.Intelligence;
using Jsms.Tests.Consultations;

namespace Jsms.Tests.Intelligence;

/// <summary>Writing STIX objects by hand through the API: every supported type, versions (modified), revocation, the checks, and schema validity.</summary>
public sealed class StixAuthoringTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private const string Base = "/api/intelligence/objects";

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> Write(HttpClient client, Guid collection, string type, object properties, object? marking = null)
    {
        var response = await client.Post(Base, new { collectionId = collection, type, properties, marking });
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement);
    }

    private static async Task<JsonElement> Created(HttpClient client, Guid collection, string type, object properties, object? marking = null)
    {
        var (response, body) = await Write(client, collection, type, properties, marking);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{type}: {(int)response.StatusCode} {body}");
        return body;
    }

    [Fact]
    public async Task Every_supported_type_written_by_hand_validates_against_the_schemas()
    {
        var collection = await app.CreateCollectionAsync();
        using var client = await app.LoginAs("pk.analyst");
        var marking = new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } };
        var actor = await Created(client, collection, "threat-actor", new { name = "The cell", description = "Carried out the airport attack.", threat_actor_types = new[] { "terrorist" } }, marking);
        var actorId = actor.GetProperty("id").GetString()!;
        var identity = (await Created(client, collection, "identity", new { name = "NACTA analysis cell", identity_class = "organization" })).GetProperty("id").GetString()!;
        var indicator = (await Created(client, collection, "indicator", new { name = "Cell phone", pattern = "[phone-number:value = '+92 300 0000000'] OR [ipv4-addr:value = '198.51.100.7']" }, marking)).GetProperty("id").GetString()!;
        var written = new List<JsonElement>
        {
            actor,
            await Created(client, collection, "report", new { name = "Airport attack: who paid", description = "Full text of the report. Two accounts paid for the car.", object_refs = new[] { actorId, indicator } }, marking),
            await Created(client, collection, "intrusion-set", new { name = "The coalition" }),
            await Created(client, collection, "campaign", new { name = "Attacks on engineers" }),
            await Created(client, collection, "location", new { name = "Jinnah International Airport", country = "PK", latitude = 24.9, longitude = 67.16 }),
            await Created(client, collection, "attack-pattern", new { name = "Vehicle-borne IED" }),
            await Created(client, collection, "malware", new { name = "Dropper", is_family = true }),
            await Created(client, collection, "tool", new { name = "Messaging app" }),
            await Created(client, collection, "vulnerability", new { name = "CVE-2026-0001" }),
            await Created(client, collection, "note", new { content = "Check with CN-MPS.", object_refs = new[] { actorId } }),
            await Created(client, collection, "opinion", new { opinion = "agree", object_refs = new[] { actorId } }),
            await Created(client, collection, "sighting", new { sighting_of_ref = indicator, where_sighted_refs = new[] { identity } }),
            await Created(client, collection, "relationship", new { relationship_type = "indicates", source_ref = indicator, target_ref = actorId }),
            await Created(client, collection, "grouping", new { context = "suspicious-activity", object_refs = new[] { actorId, indicator } }),
        };
        var objects = written.Select(w => JsonNode.Parse(w.GetProperty("content").GetRawText())!).ToList();
        Assert.All(objects, o => Assert.Equal(o["created"]!.ToString(), o["modified"]!.ToString()));
        Assert.Equal(["CN-MPS"], objects[0]["extensions"]![StixMarkings.ReleaseExtensionId]!["release_to"]!.AsArray().Select(r => (string)r!));
        var result = await StixValidator.ValidateAsync(objects);
        Assert.Equal(objects.Count, result.Checked);
        Assert.True(result.Invalid == 0, result.Report);

        // The partner it was released to reads the actor; the report's text is searchable.
        using var china = await app.LoginAs("cn.liaison");
        Assert.Equal(HttpStatusCode.OK, (await china.GetAsync($"{Base}/{actorId}")).StatusCode);
        var found = await client.GetAs<List<StixObjectSummary>>($"{Base}?q=two%20accounts%20paid");
        Assert.Single(found, f => f.Type == "report");
    }

    [Fact]
    public async Task New_version_keeps_id_and_created_takes_a_later_modified_and_revocation_ends_the_object()
    {
        var collection = await app.CreateCollectionAsync();
        using var client = await app.LoginAs("pk.analyst");
        var first = await Created(client, collection, "threat-actor", new { name = "First name" }, new { tlp = "GREEN" });
        var id = first.GetProperty("id").GetString()!;

        var response = await client.Put($"{Base}/{id}", new { properties = new { name = "Better name", description = "Now with a description." } });
        var second = await response.Read<JsonElement>();
        var content = second.GetProperty("content");
        Assert.Equal(id, content.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("content").GetProperty("created").GetString(), content.GetProperty("created").GetString());
        Assert.True(string.CompareOrdinal(content.GetProperty("modified").GetString(), content.GetProperty("created").GetString()) > 0);
        Assert.Equal(StixMarkings.Tlp2Ids[Jsms.Platform.Access.Tlp.Green], content.GetProperty("object_marking_refs")[0].GetString()); // marking kept

        // Another agency (even one that reads it) cannot add versions; a viewer cannot write.
        using var china = await app.LoginAs("cn.liaison");
        Assert.Equal(HttpStatusCode.NotFound, (await china.Put($"{Base}/{id}", new { properties = new { name = "Hijacked" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await china.PostAsync($"{Base}/{id}/revoke", null)).StatusCode);
        using var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"{Base}/{id}/revoke", null)).StatusCode);

        var revoked = await (await client.PostAsync($"{Base}/{id}/revoke", null)).Read<JsonElement>();
        Assert.True(revoked.GetProperty("content").GetProperty("revoked").GetBoolean());
        Assert.Contains("revoked", (await (await client.Put($"{Base}/{id}", new { properties = new { name = "After" } })).ValidationErrors())["id"][0], StringComparison.Ordinal);
        var detail = JsonNode.Parse(await client.GetStringAsync($"{Base}/{id}"))!;
        Assert.Equal(3, detail["versions"]!.AsArray().Count);
        var result = await StixValidator.ValidateAsync(detail["versions"]!.AsArray().Select(v => v!["content"]!));
        Assert.True(result.Invalid == 0, result.Report);
    }

    [Fact]
    public async Task Bad_objects_are_refused_with_the_property_named()
    {
        var collection = await app.CreateCollectionAsync();
        using var client = await app.LoginAs("pk.analyst");
        async Task<IDictionary<string, string[]>> Errors(string type, object properties, object? marking = null)
            => await (await client.Post(Base, new { collectionId = collection, type, properties, marking })).ValidationErrors();

        Assert.Contains("properties.pattern", (await Errors("indicator", new { pattern = "[ipv4-addr:value = '1.2.3.4'" })).Keys);
        Assert.Contains("properties.pattern", (await Errors("indicator", new { pattern = "ipv4-addr:value = '1.2.3.4'" })).Keys);
        Assert.Contains("properties.pattern", (await Errors("indicator", new { pattern = "[ipv4-addr:value ~ '1.2.3.4']" })).Keys);
        Assert.Contains("properties.name", (await Errors("threat-actor", new { description = "no name" })).Keys);
        Assert.Contains("properties.object_refs", (await Errors("report", new { name = "r", object_refs = Array.Empty<string>() })).Keys);
        Assert.Contains("properties.id", (await Errors("tool", new { name = "t", id = "tool--00000000-0000-4000-8000-000000000000" })).Keys);
        Assert.Contains("properties.source_ref", (await Errors("relationship", new { relationship_type = "uses", source_ref = "nonsense", target_ref = "tool--00000000-0000-4000-8000-000000000000" })).Keys);
        Assert.Contains("properties.region", (await Errors("location", new { name = "Nowhere" })).Keys);
        Assert.Contains("properties.opinion", (await Errors("opinion", new { opinion = "maybe", object_refs = new[] { "tool--00000000-0000-4000-8000-000000000000" } })).Keys);
        Assert.Contains("type", (await Errors("bundle", new { name = "x" })).Keys);
        Assert.Contains("marking.releaseTo", (await Errors("tool", new { name = "t" }, new { releaseTo = new[] { "XX-NONE" } })).Keys);
        Assert.Contains("collectionId", (await (await client.Post(Base, new { collectionId = Guid.NewGuid(), type = "tool", properties = new { name = "t" } })).ValidationErrors()).Keys);
    }

    [Theory]
    [InlineData("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']")]
    [InlineData("[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name LIKE 'pdf%']")]
    [InlineData("([ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value IN ('203.0.113.33/32', '203.0.113.34/32')] FOLLOWEDBY [domain-name:value = 'example.com']) WITHIN 600 SECONDS")]
    [InlineData("[network-traffic:dst_port NOT = 443] REPEATS 5 TIMES START t'2026-01-01T00:00:00Z' STOP t'2026-02-01T00:00:00Z'")]
    public void Stix_patterns_of_the_specification_pass_the_syntax_check(string pattern)
        => Assert.Null(StixPattern.Check(pattern));

    [Theory]
    [InlineData("")]
    [InlineData("[ipv4-addr:value = '1.2.3.4'] AND")]
    [InlineData("[ipv4-addr:value = ]")]
    [InlineData("[value = '1.2.3.4']")]
    [InlineData("[ipv4-addr:value = '1.2.3.4'] WITHIN SECONDS")]
    public void Broken_patterns_fail_the_syntax_check(string pattern)
        => Assert.NotNull(StixPattern.Check(pattern));
}
