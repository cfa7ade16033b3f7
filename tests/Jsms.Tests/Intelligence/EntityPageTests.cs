using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Features.Intelligence;
using Jsms.Platform.Access;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Intelligence;

/// <summary>Entity pages and the graph endpoint: references by name for what the caller may read, nothing of the rest.</summary>
public sealed class EntityPageTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private sealed record Arranged(string Tag, string Actor, string Secret, string Report, string Identity, string Relationship);

    /// <summary>
    /// pk.analyst imports GREEN objects (an identity, a threat actor, a report naming the actor and a secret indicator, and a
    /// relationship secret→actor) and one AMBER indicator released to nobody: readable by PK only.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var tag = "Ent" + Guid.NewGuid().ToString("N")[..8];
        var green = StixMarkings.Tlp2Ids[Tlp.Green];
        var identity = Sdo("identity", $"{tag} reporting agency", green);
        identity["identity_class"] = "organization";
        var actor = Sdo("threat-actor", $"{tag} claimant group", green);
        actor["threat_actor_types"] = new JsonArray("terrorist");
        actor["created_by_ref"] = (string)identity["id"]!;
        var secret = IntelligenceTestApp.Indicator($"{tag} secret indicator", StixMarkings.Tlp2Ids[Tlp.Amber]);
        var report = Sdo("report", $"{tag} attack report", green);
        report["published"] = "2026-03-01T10:00:00Z";
        report["created_by_ref"] = (string)identity["id"]!;
        report["object_refs"] = new JsonArray((string)actor["id"]!, (string)secret["id"]!);
        var relationship = Sdo("relationship", null, green);
        relationship["relationship_type"] = "indicates";
        relationship["source_ref"] = (string)secret["id"]!;
        relationship["target_ref"] = (string)actor["id"]!;
        var collection = await app.CreateCollectionAsync();
        using var client = await app.LoginAs("pk.analyst");
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = new JsonArray(identity, actor, secret, report, relationship) };
        var response = await client.PostAsync($"/api/intelligence/collections/{collection}/import", new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal(5, JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32());
        return new Arranged(tag, (string)actor["id"]!, (string)secret["id"]!, (string)report["id"]!, (string)identity["id"]!, (string)relationship["id"]!);
    }

    private static JsonObject Sdo(string type, string? name, string marking)
    {
        var o = new JsonObject
        {
            ["type"] = type, ["spec_version"] = "2.1", ["id"] = $"{type}--{Guid.NewGuid()}",
            ["created"] = "2026-03-01T10:00:00.000Z", ["modified"] = "2026-03-01T10:00:00.000Z",
            ["object_marking_refs"] = new JsonArray(marking),
        };
        if (name is not null)
        {
            o["name"] = name;
        }
        return o;
    }

    private static string Page(string id) => WebUtility.HtmlEncode("/Intelligence/Object?id=" + Uri.EscapeDataString(id));

    [Fact]
    public async Task A_report_shows_its_references_by_name_and_type_to_the_owner()
    {
        var a = await ArrangeAsync();
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var report = await analyst.Client.GetStringAsync("/Intelligence/Object?id=" + Uri.EscapeDataString(a.Report));
        Assert.Contains($"href=\"{Page(a.Actor)}\" data-testid=\"stix-ref\" data-ref=\"{a.Actor}\">{a.Tag} claimant group</a>", report, StringComparison.Ordinal);
        Assert.Contains($"{a.Tag} secret indicator</a>", report, StringComparison.Ordinal);
        Assert.Contains($"{a.Tag} reporting agency</a>", report, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stix-json\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("not available to you", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_sees_readable_references_by_name_and_unreadable_ones_without_a_name()
    {
        var a = await ArrangeAsync();
        using var partner = await app.SignInWebAsync("ru.analyst");
        var report = await partner.Client.GetStringAsync("/Intelligence/Object?id=" + Uri.EscapeDataString(a.Report));
        Assert.Contains($"{a.Tag} claimant group</a>", report, StringComparison.Ordinal);
        Assert.Contains($"{a.Tag} reporting agency</a>", report, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stix-ref-unavailable\">not available to you<", report, StringComparison.Ordinal);
        Assert.DoesNotContain("secret indicator", report, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{Page(a.Secret)}\"", report, StringComparison.Ordinal);

        // The actor's page: the report that references it, the relationship whose other end the partner may not read.
        var actor = await partner.Client.GetStringAsync("/Intelligence/Object?id=" + Uri.EscapeDataString(a.Actor));
        Assert.Contains($"href=\"{Page(a.Report)}\" data-testid=\"stix-report-link\">{a.Tag} attack report<", actor, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{a.Relationship}\" data-kind=\"indicates\"", actor, StringComparison.Ordinal);
        Assert.DoesNotContain("secret indicator", actor, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Client.GetAsync("/Intelligence/Object?id=" + Uri.EscapeDataString(a.Secret))).StatusCode);
    }

    [Fact]
    public async Task The_graph_leaves_out_objects_the_caller_may_not_read()
    {
        var a = await ArrangeAsync();
        var url = $"/api/intelligence/objects/{Uri.EscapeDataString(a.Actor)}/graph?depth=2";
        using var owner = await app.LoginAs("pk.analyst");
        var full = JsonDocument.Parse(await owner.GetStringAsync(url)).RootElement;
        var ownerNodes = full.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains(a.Actor, ownerNodes);
        Assert.Contains(a.Secret, ownerNodes);
        Assert.Contains(full.GetProperty("edges").EnumerateArray(), e => e.GetProperty("label").GetString() == "indicates" && e.GetProperty("source").GetString() == a.Secret);

        using var partner = await app.LoginAs("ru.analyst");
        var text = await partner.GetStringAsync(url);
        var seen = JsonDocument.Parse(text).RootElement;
        Assert.Contains(a.Actor, seen.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.DoesNotContain(a.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret indicator", text, StringComparison.Ordinal);
        Assert.Empty(seen.GetProperty("edges").EnumerateArray());

        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/intelligence/objects/{Uri.EscapeDataString(a.Secret)}/graph")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync($"/api/intelligence/objects/{Uri.EscapeDataString(a.Actor)}/graph?depth=3")).StatusCode);
    }
}
