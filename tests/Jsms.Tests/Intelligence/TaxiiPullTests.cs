using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Platform.Access;
using Jsms.Features.Demo;
using Jsms.Features.Intelligence;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Intelligence;

/// <summary>The node that is pulled from: pages of two objects, so a pull has to follow <c>next</c>.</summary>
public sealed class TaxiiRemoteNode : JsmsTestApp
{
    protected override IEnumerable<string> ExtraArguments => ["--Jsms:Intelligence:MaxPageSize=2"];
}

/// <summary>
/// The pulling node. Its schedule looks every second (the test clock's timers run in real time) but only at enabled
/// sources: the tests that pull by hand create disabled ones.
/// </summary>
public sealed class TaxiiPullingNode : JsmsTestApp
{
    protected override IEnumerable<string> ExtraArguments => ["--Jsms:Intelligence:PullCheckSeconds=1", "--Jsms:Intelligence:PullTimeoutSeconds=5",
        "--Jsms:Intelligence:MaxPullPageBytes=1048576"];
}

/// <summary>
/// Node-to-node exchange: node B pulls a collection of node A over TAXII 2.1 with A's account of the Chinese liaison, pages
/// through it, resumes from its mark, never receives RED or unreleased objects, and shows the error when A is unreachable.
/// </summary>
public sealed class TaxiiPullTests(TaxiiRemoteNode remote, TaxiiPullingNode local) : IClassFixture<TaxiiRemoteNode>, IClassFixture<TaxiiPullingNode>
{
    private static async Task<Guid> CreateCollectionAsync(JsmsTestApp app, string user)
    {
        using var client = await app.LoginAs(user);
        var response = await client.PostAsJsonAsync("/api/intelligence/collections", new { title = "Pull " + Guid.NewGuid().ToString("N")[..8], defaultTlp = "AMBER" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private static Task ImportAsync(JsmsTestApp app, Guid collection, params JsonObject[] objects) => ImportAsync(app, collection, false, objects);

    private static async Task ImportAsync(JsmsTestApp app, Guid collection, bool indented, params JsonObject[] objects)
    {
        using var client = await app.LoginAs("pk.analyst");
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = new JsonArray([.. objects]) };
        var text = bundle.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
        var response = await client.PostAsync($"/api/intelligence/collections/{collection}/import", new StringContent(text, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("refused").GetInt32());
    }

    private async Task<Guid> CreateSourceAsync(string apiRoot, string remoteCollection, Guid localCollection, string username = "cn.liaison",
        string secret = DemoScenario.DemoPassword, bool enabled = false)
    {
        using var admin = await local.LoginAs("admin");
        var response = await admin.PostAsJsonAsync("/api/intelligence/sources", new
        {
            name = "Node A " + Guid.NewGuid().ToString("N")[..6],
            apiRootUrl = apiRoot,
            remoteCollectionId = remoteCollection,
            username,
            secret,
            localCollectionId = localCollection,
            ownerAgency = "PK-NACTA",
            intervalMinutes = 60,
            enabled,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> PullAsync(Guid source)
    {
        using var admin = await local.LoginAs("admin");
        var response = await admin.PostAsync($"/api/intelligence/sources/{source}/pull", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<List<string>> LocalIdsAsync(Guid collection)
        => await local.WithDb(db => db.Set<StixObjectVersion>().Where(o => o.CollectionId == collection && o.Type == "indicator")
            .Select(o => o.StixId).Distinct().ToListAsync());

    [Fact]
    public async Task Node_pulls_what_its_partner_account_may_receive_page_by_page_and_resumes_from_its_mark()
    {
        var remoteCollection = await CreateCollectionAsync(remote, "pk.analyst");
        var released = Indicator("Released to China", releaseTo: ["CN-MPS"]);
        released["extensions"]![StixMarkings.ReleaseExtensionId]!["named_recipients"] = new JsonArray("cn.liaison");
        var released2 = Indicator("Also released to China", releaseTo: ["CN-MPS"]);
        var unreleased = Indicator("Not released");
        var red = Indicator("Red, stays on node A", StixMarkings.Tlp2Ids[Tlp.Red], releaseTo: ["CN-MPS"]);
        var green = Indicator("Green community", StixMarkings.Tlp2Ids[Tlp.Green]);
        await ImportAsync(remote, remoteCollection, released, released2, unreleased, red, green);

        var localCollection = await CreateCollectionAsync(local, "admin");
        var source = await CreateSourceAsync(remote.BaseAddress + "taxii2/api/", remoteCollection.ToString(), localCollection);
        var secret = await local.WithDb(db => db.Set<TaxiiSource>().Where(s => s.Id == source).Select(s => s.ProtectedSecret).SingleAsync());
        Assert.DoesNotContain(DemoScenario.DemoPassword, secret, StringComparison.Ordinal);

        var first = await PullAsync(source);
        Assert.True(first.GetProperty("result").GetProperty("ok").GetBoolean(), first.ToString());
        Assert.True(first.GetProperty("result").GetProperty("pages").GetInt32() >= 4, first.ToString()); // 9 objects, 2 a page
        Assert.Equal(3, first.GetProperty("result").GetProperty("accepted").GetInt32());
        Assert.Equal("Ok", first.GetProperty("source").GetProperty("status").GetString());
        Assert.NotNull(first.GetProperty("source").GetProperty("addedAfter").GetString());
        Assert.Equal(new[] { (string)released["id"]!, (string)released2["id"]!, (string)green["id"]! }.Order(), (await LocalIdsAsync(localCollection)).Order());

        // Stored on B as records of the partner's agency, under the object's own marking (named recipients of node A dropped).
        var pulled = await local.WithDb(db => db.Set<StixObjectVersion>().Where(o => o.CollectionId == localCollection && o.StixId == (string)released["id"]!)
            .Select(o => new { o.Tlp, o.OwnerAgencyId, o.Json }).SingleAsync());
        Assert.Equal(Tlp.Amber, pulled.Tlp);
        Assert.Equal(await local.WithDb(db => db.Set<Jsms.Platform.Partners.Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync()), pulled.OwnerAgencyId);
        Assert.DoesNotContain("named_recipients", pulled.Json, StringComparison.Ordinal);
        using (var cn = await local.LoginAs("cn.coordinator"))
        {
            Assert.Equal(HttpStatusCode.OK, (await cn.GetAsync($"/api/intelligence/objects/{released["id"]}")).StatusCode);
        }
        using (var ru = await local.LoginAs("ru.analyst"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ru.GetAsync($"/api/intelligence/objects/{released["id"]}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ru.GetAsync($"/api/intelligence/objects/{green["id"]}")).StatusCode);
        }

        // A new object on A: the next pull asks from the mark and brings only it.
        remote.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = Indicator("Released later", releaseTo: ["CN-MPS"]);
        await ImportAsync(remote, remoteCollection, later);
        var second = await PullAsync(source);
        Assert.True(second.GetProperty("result").GetProperty("ok").GetBoolean(), second.ToString());
        Assert.Equal(1, second.GetProperty("result").GetProperty("pages").GetInt32());
        Assert.Equal(1, second.GetProperty("result").GetProperty("accepted").GetInt32());
        Assert.Contains((string)later["id"]!, await LocalIdsAsync(localCollection));
        Assert.DoesNotContain((string)red["id"]!, await LocalIdsAsync(localCollection));
        Assert.DoesNotContain((string)unreleased["id"]!, await LocalIdsAsync(localCollection));
    }

    [Fact]
    public async Task The_schedule_pulls_an_enabled_source_that_is_due()
    {
        var remoteCollection = await CreateCollectionAsync(remote, "pk.analyst");
        var green = Indicator("Green for the schedule", StixMarkings.Tlp2Ids[Tlp.Green]);
        await ImportAsync(remote, remoteCollection, green);
        var localCollection = await CreateCollectionAsync(local, "admin");
        var source = await CreateSourceAsync(remote.BaseAddress + "taxii2/api/", remoteCollection.ToString(), localCollection, enabled: true);
        Task<TaxiiSourceStatus> StatusAsync() => local.WithDb(db => db.Set<TaxiiSource>().Where(s => s.Id == source).Select(s => s.Status).SingleAsync());
        // The schedule wakes every PullCheckSeconds (1) of the app's clock: each move of the clock by a second wakes it once.
        await Eventually.True(async () => await StatusAsync() == TaxiiSourceStatus.Ok, "the scheduled pull of the due source",
            between: () => local.Clock.Advance(TimeSpan.FromSeconds(1)));
        Assert.Contains((string)green["id"]!, await LocalIdsAsync(localCollection));
    }

    [Fact]
    public async Task A_red_object_from_another_node_is_refused_by_the_importer()
    {
        var collectionId = await CreateCollectionAsync(local, "admin");
        var report = await local.WithDb(async db =>
        {
            var scope = local.App.Services.CreateAsyncScope();
            await using (scope)
            {
                var importer = scope.ServiceProvider.GetRequiredService<StixImporter>();
                var (collection, caller) = await AsPullerAsync(scope, collectionId);
                await using var body = StixImporter.Envelope([Indicator("Red from afar", StixMarkings.Tlp2Ids[Tlp.Red]), Indicator("Amber from afar")]);
                return await importer.ImportAsync(caller, collection, body, null, fromRemote: true);
            }
        });
        Assert.Equal(1, report.Accepted);
        var refused = Assert.Single(report.Failures);
        Assert.Contains("RED", refused.Reason, StringComparison.Ordinal);
    }

    /// <summary>The collection and the caller a pull imports as: the configuring administrator on behalf of PK-NACTA.</summary>
    private static async Task<(StixCollection Collection, Caller Caller)> AsPullerAsync(AsyncServiceScope scope, Guid collectionId)
    {
        var db = scope.ServiceProvider.GetRequiredService<Jsms.Platform.Database.JsmsDbContext>();
        var collection = await db.Set<StixCollection>().SingleAsync(c => c.Id == collectionId);
        var agency = await db.Set<Jsms.Platform.Partners.Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync();
        var admin = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
        return (collection, new Caller(admin, "taxii-pull", agency, new HashSet<string>(), []));
    }

    [Fact]
    public async Task A_pulled_object_already_marked_as_jsms_writes_it_is_stored_as_the_remote_sent_it_and_one_naming_recipients_is_rewritten()
    {
        var remoteCollection = await CreateCollectionAsync(remote, "pk.analyst");
        var named = Indicator("Names a liaison of node A", releaseTo: ["CN-MPS"]);
        named["extensions"]![StixMarkings.ReleaseExtensionId]!["named_recipients"] = new JsonArray("cn.liaison");
        // Already in the form JSMS writes, and uploaded indented: node A stores it as received, whitespace and all, so node
        // B's copy is A's bytes only if B stores it as received too (a rewrite would make it compact).
        var released = Indicator("Released to China", StixMarkings.Tlp2Ids[Tlp.Amber], releaseTo: ["CN-MPS"]);
        released["extensions"]![StixMarkings.ReleaseExtensionId]!["owner_agency"] = "PK-NACTA";
        var green = Indicator("Green community", StixMarkings.Tlp2Ids[Tlp.Green]);
        await ImportAsync(remote, remoteCollection, true, named, released, green);
        var localCollection = await CreateCollectionAsync(local, "admin");
        var source = await CreateSourceAsync(remote.BaseAddress + "taxii2/api/", remoteCollection.ToString(), localCollection);
        Assert.Equal(3, (await PullAsync(source)).GetProperty("result").GetProperty("accepted").GetInt32());

        Task<string> JsonOn(JsmsTestApp node, Guid collection, JsonObject o)
            => node.WithDb(db => db.Set<StixObjectVersion>().Where(v => v.CollectionId == collection && v.StixId == (string)o["id"]!).Select(v => v.Json).SingleAsync());
        // Node A emits these with the marking node B would write (owner PK-NACTA, no named recipients): stored unchanged.
        Assert.Contains("\n", await JsonOn(remote, remoteCollection, released), StringComparison.Ordinal);
        Assert.Equal(await JsonOn(remote, remoteCollection, released), await JsonOn(local, localCollection, released));
        Assert.Equal(await JsonOn(remote, remoteCollection, green), await JsonOn(local, localCollection, green));
        // Node A's named recipient is a user of node A: dropped, so this one is rewritten, its release-to kept.
        var rewritten = JsonNode.Parse(await JsonOn(local, localCollection, named))!;
        var extension = rewritten["extensions"]![StixMarkings.ReleaseExtensionId]!;
        Assert.Null(extension["named_recipients"]);
        Assert.Equal("CN-MPS", (string)extension["release_to"]![0]!);
        Assert.NotEqual(await JsonOn(remote, remoteCollection, named), rewritten.ToJsonString());
        var result = await StixValidator.ValidateAsync([JsonNode.Parse(await JsonOn(local, localCollection, released))!, rewritten]);
        Assert.True(result.Invalid == 0, result.Report);
    }

    [Fact]
    public async Task A_page_whose_mark_cannot_be_saved_leaves_none_of_its_objects_and_no_audit_entry()
    {
        var collectionId = await CreateCollectionAsync(local, "admin");
        // The collection's own definitions were imported when it was created: that entry is the only one naming it.
        var before = await local.WithDb(db => db.Set<Jsms.Platform.Audit.AuditEntry>().CountAsync(e => e.RecordId == collectionId));
        var page = Indicator("Page of a failed pull");
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => local.WithDb(async db =>
        {
            await using var scope = local.App.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<StixImporter>();
            var (collection, caller) = await AsPullerAsync(scope, collectionId);
            await using var body = StixImporter.Envelope([page, Indicator("Released", releaseTo: ["CN-MPS"])]);
            // As the puller saves the page's mark in the import's transaction: here that step fails.
            return await importer.ImportAsync(caller, collection, body, null, fromRemote: true,
                _ => throw new InvalidOperationException("the mark could not be saved"));
        }));
        Assert.Equal("the mark could not be saved", failure.Message);
        Assert.Empty(await LocalIdsAsync(collectionId));
        Assert.Equal(0, await local.WithDb(db => db.Set<ReleaseGrant>().CountAsync(g => db.Set<StixObjectVersion>().Any(o => o.Id == g.RecordId && o.CollectionId == collectionId))));
        Assert.Equal(before, await local.WithDb(db => db.Set<Jsms.Platform.Audit.AuditEntry>().CountAsync(e => e.RecordId == collectionId)));
        using var admin = await local.LoginAs("admin");
        var verify = JsonDocument.Parse(await admin.GetStringAsync("/api/audit/verify")).RootElement;
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_remote_that_is_down_or_refuses_the_credentials_leaves_the_error_on_the_source()
    {
        var localCollection = await CreateCollectionAsync(local, "admin");
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
        }
        var down = await CreateSourceAsync($"http://127.0.0.1:{closedPort}/taxii2/api/", Guid.NewGuid().ToString(), localCollection);
        var failed = await PullAsync(down);
        Assert.False(failed.GetProperty("result").GetProperty("ok").GetBoolean());
        Assert.Equal("Failed", failed.GetProperty("source").GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("source").GetProperty("lastError").GetString()));

        var remoteCollection = await CreateCollectionAsync(remote, "pk.analyst");
        var wrongPassword = await CreateSourceAsync(remote.BaseAddress + "taxii2/api/", remoteCollection.ToString(), localCollection, secret: "wrong password");
        var refused = await PullAsync(wrongPassword);
        Assert.Equal("Failed", refused.GetProperty("source").GetProperty("status").GetString());
        Assert.Contains("401", refused.GetProperty("source").GetProperty("lastError").GetString(), StringComparison.Ordinal);

        using var admin = await local.SignInWebAsync("admin");
        var page = await admin.Client.GetStringAsync("/Intelligence/Sources");
        Assert.Contains($"data-id=\"{down}\" data-status=\"Failed\"", page, StringComparison.Ordinal);
        Assert.Contains("401", page, StringComparison.Ordinal);
        using var analyst = await local.SignInWebAsync("pk.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.Client.GetAsync("/Intelligence/Sources")).StatusCode);
        using var api = await local.LoginAs("pk.analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/intelligence/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/intelligence/sources/{down}/pull", null)).StatusCode);
    }

    [Fact]
    public async Task A_remote_page_larger_than_the_limit_fails_the_pull_naming_the_limit_and_stores_nothing()
    {
        var localCollection = await CreateCollectionAsync(local, "admin");
        var storedBefore = await local.WithDb(db => db.Set<StixObjectVersion>().CountAsync(o => o.CollectionId == localCollection));
        using var remotePartner = new EndlessTaxiiRemote("{\"more\":false,\"objects\":[");
        var source = await CreateSourceAsync(remotePartner.ApiRootUrl, Guid.NewGuid().ToString(), localCollection);

        var pulled = await PullAsync(source);

        Assert.False(pulled.GetProperty("result").GetProperty("ok").GetBoolean());
        Assert.Equal("Failed", pulled.GetProperty("source").GetProperty("status").GetString());
        Assert.Contains("larger than 1048576 bytes", pulled.GetProperty("source").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(storedBefore, await local.WithDb(db => db.Set<StixObjectVersion>().CountAsync(o => o.CollectionId == localCollection)));
        await remotePartner.Served.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Creating_a_source_reports_every_invalid_field()
    {
        using var admin = await local.LoginAs("admin");
        var response = await admin.PostAsJsonAsync("/api/intelligence/sources", new { apiRootUrl = "ftp://x", ownerAgency = "XX-NONE", intervalMinutes = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "name", "apiRootUrl", "remoteCollectionId", "secret", "localCollectionId", "ownerAgency", "intervalMinutes" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }
}
