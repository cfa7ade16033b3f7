using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Features.Access;
using Jsms.Features.Intelligence;
using Jsms.Tests.Infrastructure;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Pages;

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
