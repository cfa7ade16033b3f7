using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Platform.Access;
using Jsms.Features.Demo;
using Jsms.Features.Intelligence;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Intelligence;

/// <summary>
/// The other direction of the two-node exchange (<see cref="TaxiiPullTests"/> shows A to B): node B pushes to a collection of
/// node A what its owner released to the partner's agency, with A's account of that partner. RED, AMBER+STRICT and unreleased
/// objects never leave B; a failure leaves the error and the mark, and the next push resumes. Destinations are edited,
/// disabled and deleted.
/// </summary>
public sealed class TaxiiPushTests(TaxiiRemoteNode remote, TaxiiPullingNode local) : IClassFixture<TaxiiRemoteNode>, IClassFixture<TaxiiPullingNode>
{
    private static async Task<Guid> CreateCollectionAsync(JsmsTestApp app, string user)
    {
        using var client = await app.LoginAs(user);
        var response = await client.PostAsJsonAsync("/api/intelligence/collections", new { title = "Push " + Guid.NewGuid().ToString("N")[..8], defaultTlp = "AMBER" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task ImportAsync(JsmsTestApp app, string user, Guid collection, params JsonObject[] objects)
    {
        using var client = await app.LoginAs(user);
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = new JsonArray([.. objects]) };
        var response = await client.PostAsync($"/api/intelligence/collections/{collection}/import", new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("refused").GetInt32());
    }

    private async Task<Guid> CreateDestinationAsync(Guid remoteCollection, Guid localCollection, string secret = DemoScenario.DemoPassword,
        string? apiRootUrl = null)
    {
        using var admin = await local.LoginAs("admin");
        var response = await admin.PostAsJsonAsync("/api/intelligence/sources", new
        {
            name = "To node A " + Guid.NewGuid().ToString("N")[..6],
            direction = "push",
            apiRootUrl = apiRootUrl ?? remote.BaseAddress + "taxii2/api/",
            remoteCollectionId = remoteCollection.ToString(),
            username = "cn.liaison", // A's account of the Chinese partner: on A, the pushed records are China's
            secret,
            localCollectionId = localCollection,
            ownerAgency = "PK-NACTA",
            intervalMinutes = 60,
            enabled = false,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> PushAsync(Guid destination)
    {
        using var admin = await local.LoginAs("admin");
        var response = await admin.PostAsync($"/api/intelligence/sources/{destination}/push", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private Task<List<string>> RemoteIndicatorsAsync(Guid collection)
        => remote.WithDb(db => db.Set<StixObjectVersion>().Where(o => o.CollectionId == collection && o.Type == "indicator").Select(o => o.StixId).Distinct().ToListAsync());

    [Fact]
    public async Task Node_pushes_only_what_its_owner_released_to_the_partner_and_resumes_after_a_failure()
    {
        // Node B holds Chinese intelligence; node A is the Pakistani partner's node.
        var localCollection = await CreateCollectionAsync(local, "cn.liaison");
        var released = Indicator("Released to Pakistan", releaseTo: ["PK-NACTA"]);
        released["extensions"]![StixMarkings.ReleaseExtensionId]!["named_recipients"] = new JsonArray("cn.coordinator");
        var unreleased = Indicator("Not released");
        var red = Indicator("Red, stays on node B", StixMarkings.Tlp2Ids[Tlp.Red], releaseTo: ["PK-NACTA"]);
        var strict = Indicator("Strict, for one person", StixMarkings.Tlp2Ids[Tlp.AmberStrict]);
        strict["extensions"] = new JsonObject { [StixMarkings.ReleaseExtensionId] = new JsonObject { ["extension_type"] = "property-extension", ["named_recipients"] = new JsonArray("pk.analyst") } };
        var toRussia = Indicator("Released to Russia only", releaseTo: ["RU-NAC"]);
        var clear = Indicator("Clear", StixMarkings.Tlp2Ids[Tlp.Clear]);
        await ImportAsync(local, "cn.liaison", localCollection, released, unreleased, red, strict, toRussia, clear);

        var remoteCollection = await CreateCollectionAsync(remote, "pk.analyst");
        var destination = await CreateDestinationAsync(remoteCollection, localCollection, secret: "wrong password");

        // Refused credentials: Failed with the remote's answer, nothing sent, the mark stays.
        var refused = await PushAsync(destination);
        Assert.False(refused.GetProperty("result").GetProperty("ok").GetBoolean());
        Assert.Equal("Failed", refused.GetProperty("source").GetProperty("status").GetString());
        Assert.Contains("401", refused.GetProperty("source").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("source").GetProperty("pushedUpTo").ValueKind);
        Assert.Empty(await RemoteIndicatorsAsync(remoteCollection));

        // The administrator enters the right password (edit): the push resumes from the start.
        using (var admin = await local.LoginAs("admin"))
        {
            var edit = await admin.PutAsJsonAsync($"/api/intelligence/sources/{destination}", new { secret = DemoScenario.DemoPassword });
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }
        var pushed = await PushAsync(destination);
        Assert.True(pushed.GetProperty("result").GetProperty("ok").GetBoolean(), pushed.ToString());
        Assert.Equal("Ok", pushed.GetProperty("source").GetProperty("status").GetString());
        Assert.Equal(0, pushed.GetProperty("result").GetProperty("refused").GetInt32());
        Assert.Equal(new[] { (string)released["id"]!, (string)clear["id"]! }.Order(), (await RemoteIndicatorsAsync(remoteCollection)).Order());

        // On A the object keeps its TLP and release-to; B's named recipients do not travel.
        var stored = await remote.WithDb(db => db.Set<StixObjectVersion>().Where(o => o.CollectionId == remoteCollection && o.StixId == (string)released["id"]!)
            .Select(o => new { o.Tlp, o.Json, o.OwnerAgencyId }).SingleAsync());
        Assert.Equal(Tlp.Amber, stored.Tlp);
        Assert.Equal(await remote.WithDb(db => db.Set<Jsms.Platform.Partners.Agency>().Where(a => a.Code == "CN-MPS").Select(a => a.Id).SingleAsync()), stored.OwnerAgencyId);
        using (var pakistan = await remote.LoginAs("pk.analyst"))
        {
            Assert.Equal(HttpStatusCode.OK, (await pakistan.GetAsync($"/api/intelligence/objects/{released["id"]}")).StatusCode);
        }
        Assert.DoesNotContain("named_recipients", stored.Json, StringComparison.Ordinal);
        Assert.Contains("\"release_to\":[\"PK-NACTA\"]", stored.Json, StringComparison.Ordinal);

        // Only what is new is pushed next time.
        local.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = Indicator("Released later", releaseTo: ["PK-NACTA"]);
        await ImportAsync(local, "cn.liaison", localCollection, later);
        var second = await PushAsync(destination);
        Assert.Equal(1, second.GetProperty("result").GetProperty("batches").GetInt32());
        Assert.Equal(1, second.GetProperty("result").GetProperty("accepted").GetInt32());
        Assert.Contains((string)later["id"]!, await RemoteIndicatorsAsync(remoteCollection));
        foreach (var kept in new[] { unreleased, red, strict, toRussia })
        {
            Assert.DoesNotContain((string)kept["id"]!, await RemoteIndicatorsAsync(remoteCollection));
        }
        var audited = await local.WithDb(db => db.Set<Jsms.Platform.Audit.AuditEntry>().CountAsync(e => e.RecordId == destination && e.Action == "push"));
        Assert.Equal(3, audited);
    }

    [Fact]
    public async Task A_push_the_remote_partly_refuses_counts_every_batch_and_shows_the_refusal_with_its_reason()
    {
        var localCollection = await CreateCollectionAsync(local, "cn.liaison");
        var remoteCollection = await CreateCollectionAsync(remote, "pk.analyst");
        // Node A already holds this id as Pakistan's own record: A refuses node B's version of it, and only that.
        var taken = Indicator("Pakistan's own", releaseTo: ["CN-MPS"]);
        await ImportAsync(remote, "pk.analyst", remoteCollection, taken);
        var clash = Indicator("Same id on node B", releaseTo: ["PK-NACTA"], modified: "2026-03-02T10:00:00.000Z", id: (string)taken["id"]!);
        var released = Enumerable.Range(0, 1200).Select(i => Indicator($"Released {i}", releaseTo: ["PK-NACTA"])).ToArray();
        await ImportAsync(local, "cn.liaison", localCollection, [clash, .. released]);
        var destination = await CreateDestinationAsync(remoteCollection, localCollection);

        var pushed = await PushAsync(destination);

        var result = pushed.GetProperty("result");
        Assert.True(result.GetProperty("ok").GetBoolean(), pushed.ToString());
        // The 1,200 indicators and the marking-definitions the collection holds, in two batches of up to 1,000.
        Assert.Equal(2, result.GetProperty("batches").GetInt32());
        var sent = await local.WithDb(db => db.Set<StixObjectVersion>().CountAsync(o => o.CollectionId == localCollection));
        Assert.Equal(sent - 1, result.GetProperty("accepted").GetInt32());
        Assert.Equal(1, result.GetProperty("refused").GetInt32());
        Assert.Equal($"The remote refused 1 object(s): {taken["id"]}: another agency owns this object: only its owner adds versions",
            pushed.GetProperty("source").GetProperty("lastError").GetString());
        Assert.Equal(1201, (await RemoteIndicatorsAsync(remoteCollection)).Count);
    }

    [Fact]
    public async Task A_status_resource_larger_than_the_limit_fails_the_push_naming_the_limit_and_keeps_the_mark()
    {
        var localCollection = await CreateCollectionAsync(local, "cn.liaison");
        await ImportAsync(local, "cn.liaison", localCollection, Indicator("Released to Pakistan", releaseTo: ["PK-NACTA"]));
        // The partner takes the batch and answers with a status that never ends.
        using var remotePartner = new EndlessTaxiiRemote("{\"id\":\"status-1\",\"status\":\"complete\",\"successes\":[");
        var destination = await CreateDestinationAsync(Guid.NewGuid(), localCollection, apiRootUrl: remotePartner.ApiRootUrl);

        var pushed = await PushAsync(destination);

        Assert.False(pushed.GetProperty("result").GetProperty("ok").GetBoolean(), pushed.ToString());
        var source = pushed.GetProperty("source");
        Assert.Contains("larger than 1048576 bytes", source.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, source.GetProperty("pushedUpTo").ValueKind);
        await remotePartner.Served.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Destinations_are_edited_disabled_and_deleted_by_administrators_only()
    {
        var localCollection = await CreateCollectionAsync(local, "admin");
        var destination = await CreateDestinationAsync(Guid.NewGuid(), localCollection);
        using var admin = await local.LoginAs("admin");
        var bad = await admin.PutAsJsonAsync($"/api/intelligence/sources/{destination}", new { apiRootUrl = "ftp://x", intervalMinutes = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var edited = await admin.PutAsJsonAsync($"/api/intelligence/sources/{destination}", new { name = "Renamed", enabled = true, intervalMinutes = 5 });
        var dto = JsonDocument.Parse(await edited.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Renamed", dto.GetProperty("name").GetString());
        Assert.True(dto.GetProperty("enabled").GetBoolean());
        Assert.Equal("Push", dto.GetProperty("direction").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/intelligence/sources/{destination}/pull", null)).StatusCode);

        using var analyst = await local.LoginAs("pk.analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PutAsJsonAsync($"/api/intelligence/sources/{destination}", new { enabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.DeleteAsync($"/api/intelligence/sources/{destination}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/intelligence/sources/{destination}/push", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/intelligence/sources/{destination}", new { enabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/intelligence/sources/{destination}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/intelligence/sources/{destination}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/intelligence/sources/{destination}/push", null)).StatusCode);
    }
}
