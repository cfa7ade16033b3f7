using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Platform.Access;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Intelligence;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Intelligence;

/// <summary>
/// Release rules over TAXII and the API: a partner outside the release-to list or an observer gets nothing it
/// should not, and a RED object never leaves the node over TAXII.
/// </summary>
public sealed class IntelligenceReleaseTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private sealed record Arranged(Guid Collection, string ReleasedToChina, string Unreleased, string Red, string Green, string Clear);

    /// <summary>pk.analyst imports a bundle through the API: AMBER released to CN-MPS, AMBER unreleased, RED, GREEN and CLEAR.</summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var collection = await app.CreateCollectionAsync();
        var released = Indicator("Released to China", releaseTo: ["CN-MPS"]);
        var unreleased = Indicator("Not released");
        var red = Indicator("Red eyes only", StixMarkings.Tlp2Ids[Tlp.Red]);
        var green = Indicator("Green community", StixMarkings.Tlp2Ids[Tlp.Green]);
        var clear = Indicator("Clear for all", StixMarkings.Tlp2Ids[Tlp.Clear]);
        var bundle = new JsonObject
        {
            ["type"] = "bundle",
            ["id"] = $"bundle--{Guid.NewGuid()}",
            ["objects"] = new JsonArray(released, unreleased, red, green, clear),
        };
        using var client = await app.LoginAs("pk.analyst");
        var response = await client.PostAsync($"/api/intelligence/collections/{collection}/import",
            new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal(5, report.GetProperty("accepted").GetInt32());
        Assert.Equal(0, report.GetProperty("refused").GetInt32());
        return new Arranged(collection, (string)released["id"]!, (string)unreleased["id"]!, (string)red["id"]!, (string)green["id"]!, (string)clear["id"]!);
    }

    private async Task<List<string>> TaxiiIdsAsync(string user, Guid collection)
    {
        using var client = await app.TaxiiAs(user);
        var (status, envelope, _) = await client.GetJson($"/taxii2/api/collections/{collection}/objects/?match[type]=indicator&match[version]=all");
        Assert.Equal(200, status);
        return envelope.TryGetProperty("objects", out var objects) ? [.. objects.EnumerateArray().Select(o => o.GetProperty("id").GetString()!)] : [];
    }

    private async Task<List<string>> ApiIdsAsync(string user, Guid collection)
    {
        using var client = await app.LoginAs(user);
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/intelligence/objects?type=indicator")).RootElement;
        return [.. list.EnumerateArray().Where(o => o.GetProperty("collectionId").GetGuid() == collection).Select(o => o.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task A_bulk_import_over_two_batches_writes_one_share_audit_entry_per_grant_and_recipient_and_the_chain_verifies()
    {
        var collection = await app.CreateCollectionAsync();
        // 1,200 objects: more than one batch of the importer's bulk path (1,000), a third of them released to CN-MPS,
        // a few AMBER+STRICT naming cn.liaison, plus one duplicate and one refused object in the same bundle.
        var objects = new JsonArray();
        int expectedGrants = 0, expectedRecipients = 0;
        for (var i = 0; i < 1200; i++)
        {
            var o = Indicator($"Bulk {i}", releaseTo: i % 3 == 0 ? ["CN-MPS"] : null);
            if (i % 100 != 7)
            {
                expectedGrants += i % 3 == 0 ? 1 : 0;
            }
            else
            {
                expectedRecipients++;
                o["object_marking_refs"] = new JsonArray(StixMarkings.Tlp2Ids[Tlp.AmberStrict]);
                o["extensions"] = new JsonObject
                {
                    [StixMarkings.ReleaseExtensionId] = new JsonObject { ["extension_type"] = "property-extension", ["named_recipients"] = new JsonArray("cn.liaison") },
                };
            }
            objects.Add(o);
        }
        objects.Add(objects[5]!.DeepClone());
        objects.Add(new JsonObject { ["type"] = "indicator", ["id"] = "not-an-id" });
        using var client = await app.LoginAs("pk.analyst");
        var response = await client.PostAsync($"/api/intelligence/collections/{collection}/import",
            new StringContent(new JsonObject { ["objects"] = objects }.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1201, report.GetProperty("accepted").GetInt32());
        Assert.Equal(1, report.GetProperty("refused").GetInt32());

        var ids = await app.WithDb(db => db.Set<StixObjectVersion>().Where(o => o.CollectionId == collection && o.Type == "indicator").Select(o => o.Id).ToListAsync());
        Assert.Equal(1200, ids.Count);
        var shares = await app.WithDb(db => db.Set<AuditEntry>().Where(e => e.Action == "share" && ids.Contains(e.RecordId!.Value))
            .GroupBy(e => e.RecordType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        var grants = await app.WithDb(db => db.Set<ReleaseGrant>().CountAsync(g => ids.Contains(g.RecordId)));
        var recipients = await app.WithDb(db => db.Set<NamedRecipient>().CountAsync(r => ids.Contains(r.RecordId)));
        Assert.Equal(expectedGrants, grants);
        Assert.Equal(expectedRecipients, recipients);
        Assert.Equal(grants, shares.Single(s => s.Key == "ReleaseGrant").Count);
        Assert.Equal(recipients, shares.Single(s => s.Key == "NamedRecipient").Count);
        var outcome = await app.WithDb(db => AuditTrail.VerifyAsync(db));
        Assert.True(outcome.Intact, outcome.Problem);
    }

    [Fact]
    public async Task The_partner_in_the_release_to_list_receives_what_was_released_and_nothing_else_over_taxii()
    {
        var a = await ArrangeAsync();
        var ids = await TaxiiIdsAsync("cn.liaison", a.Collection);
        Assert.Equal(new[] { a.ReleasedToChina, a.Green, a.Clear }.Order(), ids.Order());
    }

    [Fact]
    public async Task A_member_outside_the_release_to_list_gets_only_green_and_clear()
    {
        var a = await ArrangeAsync();
        Assert.Equal(new[] { a.Green, a.Clear }.Order(), (await TaxiiIdsAsync("ru.analyst", a.Collection)).Order());
        Assert.Equal(new[] { a.Green, a.Clear }.Order(), (await ApiIdsAsync("ru.analyst", a.Collection)).Order());
    }

    [Fact]
    public async Task An_observer_gets_only_clear_over_taxii_and_the_api()
    {
        var a = await ArrangeAsync();
        Assert.Equal([a.Clear], await TaxiiIdsAsync("us.analyst", a.Collection));
        Assert.Equal([a.Clear], await ApiIdsAsync("us.analyst", a.Collection));
        using var observer = await app.LoginAs("us.analyst");
        Assert.Equal(404, (int)(await observer.GetAsync($"/api/intelligence/objects/{a.ReleasedToChina}")).StatusCode);
        using var taxii = await app.TaxiiAs("us.analyst");
        Assert.Equal(404, (await taxii.GetJson($"/taxii2/api/collections/{a.Collection}/objects/{a.Unreleased}/")).Status);
    }

    [Fact]
    public async Task A_red_object_never_leaves_the_node_over_taxii_even_to_its_creator()
    {
        var a = await ArrangeAsync();
        var own = await TaxiiIdsAsync("pk.analyst", a.Collection);
        Assert.DoesNotContain(a.Red, own);
        Assert.Contains(a.Unreleased, own);
        // On the node itself the creator still reads it through the API.
        using var creator = await app.LoginAs("pk.analyst");
        Assert.Equal(200, (int)(await creator.GetAsync($"/api/intelligence/objects/{a.Red}")).StatusCode);
        using var colleague = await app.LoginAs("pk.coordinator");
        Assert.Equal(404, (int)(await colleague.GetAsync($"/api/intelligence/objects/{a.Red}")).StatusCode);
    }

    [Fact]
    public async Task Manifest_and_versions_follow_the_same_rules()
    {
        var a = await ArrangeAsync();
        using var observer = await app.TaxiiAs("us.analyst");
        var (_, manifest, _) = await observer.GetJson($"/taxii2/api/collections/{a.Collection}/manifest/?match[type]=indicator");
        Assert.Equal([a.Clear], manifest.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(404, (await observer.GetJson($"/taxii2/api/collections/{a.Collection}/objects/{a.Green}/versions/")).Status);
    }

    [Fact]
    public async Task Search_by_text_type_and_marking_and_the_object_page_show_relationships()
    {
        var a = await ArrangeAsync();
        using var client = await app.LoginAs("cn.liaison");
        var found = JsonDocument.Parse(await client.GetStringAsync("/api/intelligence/objects?q=released%20to&tlp=AMBER")).RootElement;
        Assert.Equal(a.ReleasedToChina, Assert.Single(found.EnumerateArray()).GetProperty("id").GetString());
        var relationship = new JsonObject
        {
            ["type"] = "relationship",
            ["spec_version"] = "2.1",
            ["id"] = $"relationship--{Guid.NewGuid()}",
            ["created"] = "2026-03-01T10:00:00.000Z",
            ["modified"] = "2026-03-01T10:00:00.000Z",
            ["relationship_type"] = "indicates",
            ["source_ref"] = a.ReleasedToChina,
            ["target_ref"] = $"threat-actor--{Guid.NewGuid()}",
        };
        await app.PostObjectsAsync("pk.analyst", a.Collection, [relationship]);
        // The relationship is AMBER and not released: China sees the object but not the relationship ...
        var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/intelligence/objects/{a.ReleasedToChina}")).RootElement;
        Assert.Equal(0, detail.GetProperty("relationships").GetArrayLength());
        Assert.Single(detail.GetProperty("versions").EnumerateArray());
        // ... its owner sees both.
        using var owner = await app.LoginAs("pk.analyst");
        var own = JsonDocument.Parse(await owner.GetStringAsync($"/api/intelligence/objects/{a.ReleasedToChina}")).RootElement;
        Assert.Equal((string?)relationship["id"], own.GetProperty("relationships")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("pk.analyst", new[] { "identity", "location", "intrusion-set", "threat-actor", "indicator", "report", "note" })]
    [InlineData("cn.liaison", new[] { "identity", "location", "intrusion-set", "threat-actor", "indicator", "report" })]
    [InlineData("cn.coordinator", new[] { "identity", "location", "intrusion-set", "threat-actor", "report" })]
    [InlineData("ru.analyst", new[] { "identity", "location", "intrusion-set" })]
    [InlineData("us.analyst", new[] { "identity" })]
    public async Task The_demo_intelligence_is_seen_as_its_markings_allow(string user, string[] types)
    {
        var demo = await app.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<StixCollection>().Where(c => c.Title == "Karachi airport attack (demo)").Select(c => c.Id)));
        using var client = await app.LoginAs(user);
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/intelligence/objects")).RootElement;
        var seen = list.EnumerateArray().Where(o => o.GetProperty("collectionId").GetGuid() == demo).Select(o => o.GetProperty("type").GetString()!)
            .Where(t => t is not ("marking-definition" or "extension-definition" or "relationship")).Distinct().Order();
        Assert.Equal(types.Order(), seen);
    }
}
