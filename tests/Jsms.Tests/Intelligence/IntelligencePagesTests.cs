using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Platform.Access;
using Jsms.Features.Intelligence;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Intelligence;

/// <summary>The app with a small bundle-upload limit for the import page.</summary>
public sealed class IntelligencePagesTestApp : JsmsTestApp
{
    public const long MaxImportBytes = 100_000;

    protected override IEnumerable<string> ExtraArguments => [$"--Jsms:Intelligence:MaxImportBytes={MaxImportBytes}"];
}

/// <summary>/Intelligence (search), /Intelligence/Object (detail) and /Intelligence/Import (bundle upload) over HTTP with the cookie client.</summary>
public sealed class IntelligencePagesTests(IntelligencePagesTestApp app) : IClassFixture<IntelligencePagesTestApp>
{
    private sealed record Arranged(Guid Collection, string Tag, string Released, string Unreleased, string ThreatActor, string Relationship, string HiddenRelationship);

    /// <summary>
    /// pk.analyst imports: an indicator released to CN-MPS (two versions), an unreleased one, a GREEN threat-actor, a GREEN
    /// relationship indicator→threat-actor and an AMBER released relationship from the released indicator to the unreleased one.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var tag = "Tag" + Guid.NewGuid().ToString("N")[..8];
        var collection = await CreateCollectionAsync();
        var released = Indicator($"{tag} released car bomb indicator", releaseTo: ["CN-MPS"], modified: "2026-03-01T10:00:00.000Z");
        var releasedV2 = released.DeepClone().AsObject();
        releasedV2["modified"] = "2026-03-02T10:00:00.000Z";
        var unreleased = Indicator($"{tag} unreleased indicator");
        var actor = new JsonObject
        {
            ["type"] = "threat-actor", ["spec_version"] = "2.1", ["id"] = $"threat-actor--{Guid.NewGuid()}",
            ["created"] = "2026-03-01T10:00:00.000Z", ["modified"] = "2026-03-01T10:00:00.000Z",
            ["name"] = $"{tag} claimant group", ["threat_actor_types"] = new JsonArray("terrorist"),
            ["object_marking_refs"] = new JsonArray(StixMarkings.Tlp2Ids[Tlp.Green]),
        };
        var relationship = Relationship((string)released["id"]!, "indicates", (string)actor["id"]!, StixMarkings.Tlp2Ids[Tlp.Green]);
        var hidden = Relationship((string)released["id"]!, "related-to", (string)unreleased["id"]!, null);
        hidden["extensions"] = new JsonObject
        {
            [StixMarkings.ReleaseExtensionId] = new JsonObject { ["extension_type"] = "property-extension", ["release_to"] = new JsonArray("CN-MPS") },
        };
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = new JsonArray(released, releasedV2, unreleased, actor, relationship, hidden) };
        using var client = await app.LoginAs("pk.analyst");
        var response = await client.PostAsync($"/api/intelligence/collections/{collection}/import", new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal(6, JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32());
        return new Arranged(collection, tag, (string)released["id"]!, (string)unreleased["id"]!, (string)actor["id"]!, (string)relationship["id"]!, (string)hidden["id"]!);
    }

    private static JsonObject Relationship(string source, string type, string target, string? tlpId)
    {
        var r = new JsonObject
        {
            ["type"] = "relationship", ["spec_version"] = "2.1", ["id"] = $"relationship--{Guid.NewGuid()}",
            ["created"] = "2026-03-01T10:00:00.000Z", ["modified"] = "2026-03-01T10:00:00.000Z",
            ["relationship_type"] = type, ["source_ref"] = source, ["target_ref"] = target,
        };
        if (tlpId is not null)
        {
            r["object_marking_refs"] = new JsonArray(tlpId);
        }
        return r;
    }

    private async Task<Guid> CreateCollectionAsync()
    {
        using var client = await app.LoginAs("pk.analyst");
        var response = await client.PostAsync("/api/intelligence/collections",
            new StringContent(JsonSerializer.Serialize(new { title = "Pages " + Guid.NewGuid().ToString("N")[..8], defaultTlp = "AMBER" }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private static string ObjectPage(string id) => "/Intelligence/Object?id=" + Uri.EscapeDataString(id);

    [Fact]
    public async Task Partner_in_the_release_to_list_finds_the_object_and_sees_its_marking_versions_and_relationships()
    {
        var a = await ArrangeAsync();
        using var liaison = await app.SignInWebAsync("cn.liaison");
        var search = await liaison.Client.GetStringAsync($"/Intelligence?Q={a.Tag}");
        Assert.Contains("data-testid=\"intelligence-results\"", search, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{a.Released}\"", search, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{a.ThreatActor}\"", search, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{a.Unreleased}\"", search, StringComparison.Ordinal);

        var page = await liaison.Client.GetStringAsync(ObjectPage(a.Released));
        Assert.Contains($"{a.Tag} released car bomb indicator", page, StringComparison.Ordinal);
        Assert.Contains("data-tlp=\"AMBER\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stix-release-to\">CN-MPS<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stix-owner\">PK-NACTA<", page, StringComparison.Ordinal);
        Assert.Contains("data-property=\"pattern\"", page, StringComparison.Ordinal);
        Assert.Equal(2, Count(page, "data-testid=\"stix-version\""));
        // The relationship to the threat-actor links to it; the one to the unreleased indicator shows no link.
        Assert.Contains($"data-id=\"{a.Relationship}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(ObjectPage(a.ThreatActor))}\" data-testid=\"stix-related-link\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{a.HiddenRelationship}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{WebUtility.HtmlEncode(ObjectPage(a.Unreleased))}\"", page, StringComparison.Ordinal);

        var actor = await liaison.Client.GetStringAsync(ObjectPage(a.ThreatActor));
        Assert.Contains("indicates", actor, StringComparison.Ordinal);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(ObjectPage(a.Released))}\" data-testid=\"stix-related-link\"", actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_outside_the_release_to_list_does_not_find_the_object_and_gets_404_on_its_page()
    {
        var a = await ArrangeAsync();
        using var russia = await app.SignInWebAsync("ru.analyst");
        var search = await russia.Client.GetStringAsync($"/Intelligence?Q={a.Tag}");
        Assert.DoesNotContain($"data-id=\"{a.Released}\"", search, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{a.Unreleased}\"", search, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{a.ThreatActor}\"", search, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Client.GetAsync(ObjectPage(a.Released))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Client.GetAsync(ObjectPage(a.HiddenRelationship))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Client.GetAsync(ObjectPage("indicator--00000000-0000-4000-8000-000000000000"))).StatusCode);
        // The GREEN threat-actor page shows the GREEN relationship but no link to the indicator it may not see.
        var actor = await russia.Client.GetStringAsync(ObjectPage(a.ThreatActor));
        Assert.Contains($"data-id=\"{a.Relationship}\"", actor, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{WebUtility.HtmlEncode(ObjectPage(a.Released))}\"", actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_filters_by_type_and_tlp()
    {
        var a = await ArrangeAsync();
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var actors = await analyst.Client.GetStringAsync($"/Intelligence?Q={a.Tag}&Type=threat-actor");
        Assert.Contains($"data-id=\"{a.ThreatActor}\"", actors, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{a.Released}\"", actors, StringComparison.Ordinal);
        var amber = await analyst.Client.GetStringAsync($"/Intelligence?Q={a.Tag}&Tlp=AMBER");
        Assert.Contains($"data-id=\"{a.Released}\"", amber, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{a.Unreleased}\"", amber, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{a.ThreatActor}\"", amber, StringComparison.Ordinal);
        var later = await analyst.Client.GetStringAsync($"/Intelligence?Q={a.Tag}&From=2026-03-02");
        Assert.Contains($"data-id=\"{a.Released}\"", later, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{a.ThreatActor}\"", later, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(BrowserlessSession session, Guid? collection, string fileText, string tlp = "AMBER",
        string releaseTo = "", string recipients = "")
    {
        var token = await session.AntiforgeryTokenAsync("/Intelligence/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(collection?.ToString() ?? ""), "CollectionId" },
            { new StringContent(tlp), "Marking.Tlp" },
            { new StringContent(releaseTo), "Marking.ReleaseTo" },
            { new StringContent(recipients), "Marking.Recipients" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(fileText));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "Bundle", "bundle.json");
        return await session.Client.PostAsync("/Intelligence/Import", form);
    }

    [Fact]
    public async Task Import_form_stores_the_bundle_with_the_chosen_marking_and_reports_accepted_and_refused_objects()
    {
        var collection = await CreateCollectionAsync();
        var tag = "Up" + Guid.NewGuid().ToString("N")[..8];
        var good = Indicator($"{tag} uploaded indicator");
        var green = Indicator($"{tag} own green", StixMarkings.Tlp2Ids[Tlp.Green]);
        var stix20 = Indicator($"{tag} old");
        stix20.Remove("spec_version");
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = new JsonArray(good, green, stix20) };

        using var analyst = await app.SignInWebAsync("pk.analyst");
        var form = await analyst.Client.GetStringAsync("/Intelligence/Import");
        Assert.Contains($"value=\"{collection}\"", form, StringComparison.Ordinal);
        var response = await UploadAsync(analyst, collection, bundle.ToJsonString(), "AMBER", "CN-MPS");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"import-total\">3<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"import-accepted\">2<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"import-refused\">1<", html, StringComparison.Ordinal);
        Assert.Contains("STIX 2.0", html, StringComparison.Ordinal);

        using var liaison = await app.SignInWebAsync("cn.liaison");
        var page = await liaison.Client.GetStringAsync(ObjectPage((string)good["id"]!));
        Assert.Contains("data-tlp=\"AMBER\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stix-release-to\">CN-MPS<", page, StringComparison.Ordinal);
        Assert.Contains("data-tlp=\"GREEN\"", await liaison.Client.GetStringAsync(ObjectPage((string)green["id"]!)), StringComparison.Ordinal);
        using var russia = await app.SignInWebAsync("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Client.GetAsync(ObjectPage((string)good["id"]!))).StatusCode);
    }

    [Fact]
    public async Task Import_form_refuses_a_missing_collection_an_unknown_agency_a_file_over_the_limit_and_a_viewer()
    {
        var collection = await CreateCollectionAsync();
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = new JsonArray(Indicator("x")) }.ToJsonString();
        using var analyst = await app.SignInWebAsync("pk.analyst");

        var noCollection = await UploadAsync(analyst, null, bundle);
        Assert.Equal(HttpStatusCode.BadRequest, noCollection.StatusCode);
        Assert.Contains("data-key=\"CollectionId\"", await noCollection.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unknownAgency = await UploadAsync(analyst, collection, bundle, releaseTo: "XX-NOPE");
        Assert.Equal(HttpStatusCode.BadRequest, unknownAgency.StatusCode);
        Assert.Contains("data-key=\"marking.releaseTo\"", await unknownAgency.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var big = await UploadAsync(analyst, collection, bundle + new string(' ', (int)IntelligencePagesTestApp.MaxImportBytes));
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("data-key=\"Bundle\"", await big.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var notJson = await UploadAsync(analyst, collection, "{\"type\":\"bundle\",\"objects\":[");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        var stored = await app.WithDb(db => Task.FromResult(db.Set<StixObjectVersion>().Count(o => o.CollectionId == collection && o.Type == "indicator")));
        Assert.Equal(0, stored);

        using var viewer = await app.SignInWebAsync("pk.viewer");
        Assert.Contains("data-testid=\"intelligence-import-readonly\"", await viewer.Client.GetStringAsync("/Intelligence/Import"), StringComparison.Ordinal);
        var token = await viewer.AntiforgeryTokenAsync("/Intelligence");
        using var empty = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(collection.ToString()), "CollectionId" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.PostAsync("/Intelligence/Import", empty)).StatusCode);
    }

    private static List<KeyValuePair<string, string>> WriteFields(Guid? collection, string type, string name, string? pattern = null,
        string? other = null, string tlp = "AMBER", string releaseTo = "")
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("Form.Type", type), new("Form.Name", name), new("Form.Description", "Written by hand for a test."),
            new("Form.Marking.Tlp", tlp), new("Form.Marking.ReleaseTo", releaseTo), new("Form.Marking.Recipients", ""),
        ];
        if (collection is not null)
        {
            fields.Add(new("Form.CollectionId", collection.Value.ToString()));
        }
        if (pattern is not null)
        {
            fields.AddRange([new("Form.Pattern", pattern), new("Form.PatternType", "stix"), new("Form.ValidFrom", "")]);
        }
        if (other is not null)
        {
            fields.Add(new("Form.Other", other));
        }
        return fields;
    }

    /// <summary>The STIX id in the object page's address the write form redirected to.</summary>
    private static string WrittenId(HttpResponseMessage response)
    {
        Assert.Equal("/Intelligence/Object", BrowserlessSession.FinalPath(response));
        return Uri.UnescapeDataString(response.RequestMessage!.RequestUri!.Query["?id=".Length..]);
    }

    [Fact]
    public async Task Write_form_stores_an_indicator_with_its_marking_that_the_release_to_partner_reads_and_others_do_not()
    {
        var collection = await CreateCollectionAsync();
        var name = "Hand " + Guid.NewGuid().ToString("N")[..8];
        using var analyst = await app.SignInWebAsync("pk.analyst");
        Assert.Contains("data-testid=\"stix-write-form\"", await analyst.Client.GetStringAsync("/Intelligence/Write"), StringComparison.Ordinal);
        var response = await analyst.PostFormAsync("/Intelligence/Write",
            WriteFields(collection, "indicator", name, "[ipv4-addr:value = '198.51.100.7']", releaseTo: "CN-MPS"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = WrittenId(response);
        Assert.StartsWith("indicator--", id, StringComparison.Ordinal);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("198.51.100.7", html, StringComparison.Ordinal);
        Assert.Contains("data-property=\"valid_from\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stix-owner-actions\"", html, StringComparison.Ordinal);

        using var liaison = await app.SignInWebAsync("cn.liaison");
        var page = await liaison.Client.GetStringAsync(ObjectPage(id));
        Assert.Contains("data-tlp=\"AMBER\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stix-release-to\">CN-MPS<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"stix-owner-actions\"", page, StringComparison.Ordinal);
        using var russia = await app.SignInWebAsync("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Client.GetAsync(ObjectPage(id))).StatusCode);
    }

    [Fact]
    public async Task Write_form_refuses_a_bad_pattern_naming_the_problem_bad_other_properties_and_a_viewer_and_stores_nothing()
    {
        var collection = await CreateCollectionAsync();
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var badPattern = await analyst.PostFormAsync("/Intelligence/Write", WriteFields(collection, "indicator", "Bad", "[ipv4-addr:value = "));
        var html = await badPattern.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badPattern.StatusCode);
        Assert.Contains("data-field=\"properties.pattern\"", html, StringComparison.Ordinal);
        Assert.Contains("Not a STIX pattern", html, StringComparison.Ordinal);
        // The form keeps what was typed.
        Assert.Contains("value=\"[ipv4-addr:value = \"", html, StringComparison.Ordinal);

        var badOther = await analyst.PostFormAsync("/Intelligence/Write", WriteFields(collection, "threat-actor", "Bad", other: "{\"threat_actor_types\": ["));
        Assert.Equal(HttpStatusCode.BadRequest, badOther.StatusCode);
        Assert.Contains("data-field=\"other\"", await badOther.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var reserved = await analyst.PostFormAsync("/Intelligence/Write", WriteFields(collection, "threat-actor", "Bad", other: "{\"id\": \"threat-actor--00000000-0000-4000-8000-000000000000\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
        Assert.Contains("data-field=\"properties.id\"", await reserved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noCollection = await analyst.PostFormAsync("/Intelligence/Write", WriteFields(null, "threat-actor", "Bad"));
        Assert.Equal(HttpStatusCode.BadRequest, noCollection.StatusCode);
        Assert.Contains("data-field=\"collectionId\"", await noCollection.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var viewer = await app.SignInWebAsync("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.GetAsync("/Intelligence/Write")).StatusCode);
        var refused = await viewer.PostFormAsync("/Intelligence/Write", WriteFields(collection, "threat-actor", "By a viewer"), tokenFrom: "/Intelligence");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var stored = await app.WithDb(db => Task.FromResult(db.Set<StixObjectVersion>().Count(o => o.CollectionId == collection && (o.Type == "indicator" || o.Type == "threat-actor"))));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Owner_writes_a_new_version_and_revokes_from_the_object_page_and_a_partner_can_do_neither()
    {
        var collection = await CreateCollectionAsync();
        var name = "Actor " + Guid.NewGuid().ToString("N")[..8];
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var id = WrittenId(await analyst.PostFormAsync("/Intelligence/Write",
            WriteFields(collection, "threat-actor", name, other: "{\"threat_actor_types\": [\"terrorist\"]}", tlp: "GREEN")));

        // The edit form is filled from the latest version, other properties included.
        var edit = await analyst.Client.GetStringAsync("/Intelligence/Write?id=" + Uri.EscapeDataString(id));
        Assert.Contains($"value=\"{name}\"", edit, StringComparison.Ordinal);
        Assert.Contains("terrorist", edit, StringComparison.Ordinal);
        var fields = WriteFields(null, "threat-actor", name + " renamed", other: "{\"threat_actor_types\": [\"terrorist\"]}", tlp: "GREEN");
        fields.Add(new("Id", id));
        var updated = await analyst.PostFormAsync("/Intelligence/Write?id=" + Uri.EscapeDataString(id), fields, tokenFrom: "/Intelligence/Write");
        var page = await updated.Content.ReadAsStringAsync();
        Assert.Equal(id, WrittenId(updated));
        Assert.Contains($"data-testid=\"stix-name\">{name} renamed<", page, StringComparison.Ordinal);
        Assert.Equal(2, Count(page, "data-testid=\"stix-version\""));

        // A partner who reads the GREEN object may neither edit nor revoke it.
        using var liaison = await app.SignInWebAsync("cn.liaison");
        Assert.Contains(name, await liaison.Client.GetStringAsync(ObjectPage(id)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.Client.GetAsync("/Intelligence/Write?id=" + Uri.EscapeDataString(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.PostFormAsync(ObjectPage(id), [], "Revoke", tokenFrom: "/Intelligence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.PostFormAsync("/Intelligence/Write?id=" + Uri.EscapeDataString(id), fields, tokenFrom: "/Intelligence")).StatusCode);

        var revoked = await analyst.PostFormAsync(ObjectPage(id), [], "Revoke", tokenFrom: "/Intelligence");
        var after = await revoked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(3, Count(after, "data-testid=\"stix-version\""));
        Assert.Contains("data-property=\"revoked\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"stix-owner-actions\"", after, StringComparison.Ordinal);
        var again = await analyst.PostFormAsync(ObjectPage(id), [], "Revoke", tokenFrom: "/Intelligence");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("revoked already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDb(db => Task.FromResult(db.Set<StixObjectVersion>().Count(o => o.StixId == id))));
    }

    private async Task<Guid> CreateSourceAsync(Guid collection)
    {
        using var admin = await app.LoginAs("admin");
        var response = await admin.PostAsync("/api/intelligence/sources", new StringContent(JsonSerializer.Serialize(new
        {
            name = "Source " + Guid.NewGuid().ToString("N")[..6], apiRootUrl = "http://127.0.0.1:9/taxii2/api/", remoteCollectionId = "remote",
            username = "cn.liaison", secret = "secret", localCollectionId = collection, ownerAgency = "CN-MPS", intervalMinutes = 60, enabled = true,
        }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private Task<TaxiiSource?> SourceAsync(Guid id) => app.WithDb(db => db.Set<TaxiiSource>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id));

    [Fact]
    public async Task Administrator_edits_disables_and_deletes_a_source_on_the_sources_page_and_an_analyst_cannot()
    {
        var id = await CreateSourceAsync(await CreateCollectionAsync());
        using var admin = await app.SignInWebAsync("admin");
        Assert.Contains($"data-id=\"{id}\"", await admin.Client.GetStringAsync("/Intelligence/Sources"), StringComparison.Ordinal);

        var disabled = await admin.PostFormAsync($"/Intelligence/Sources?id={id}&enabled=false", [], "Enable");
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False((await SourceAsync(id))!.Enabled);
        Assert.Contains(">Enable<", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bad = await admin.PostFormAsync($"/Intelligence/Sources?id={id}",
            [new("Edit.Name", "Renamed"), new("Edit.ApiRootUrl", "ftp://node.example/"), new("Edit.RemoteCollectionId", "remote"), new("Edit.IntervalMinutes", "5")], "Edit");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data-field=\"apiRootUrl\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual("Renamed", (await SourceAsync(id))!.Name);

        var good = await admin.PostFormAsync($"/Intelligence/Sources?id={id}",
            [new("Edit.Name", "Renamed"), new("Edit.ApiRootUrl", "https://node.example/taxii2/api/"), new("Edit.RemoteCollectionId", "remote-2"),
             new("Edit.Username", "cn.liaison"), new("Edit.IntervalMinutes", "5")], "Edit");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var source = (await SourceAsync(id))!;
        Assert.Equal(("Renamed", "https://node.example/taxii2/api/", "remote-2", 5, false), (source.Name, source.ApiRootUrl, source.RemoteCollectionId, source.IntervalMinutes, source.Enabled));

        using var analyst = await app.SignInWebAsync("pk.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.Client.GetAsync("/Intelligence/Sources")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostFormAsync($"/Intelligence/Sources?id={id}", [], "Delete", tokenFrom: "/Intelligence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostFormAsync($"/Intelligence/Sources?id={id}&enabled=true", [], "Enable", tokenFrom: "/Intelligence")).StatusCode);
        Assert.False((await SourceAsync(id))!.Enabled);

        var deleted = await admin.PostFormAsync($"/Intelligence/Sources?id={id}", [], "Delete");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.DoesNotContain($"data-id=\"{id}\"", await deleted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await SourceAsync(id));
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }
}
