using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Platform.Access;
using Jsms.Features.Intelligence;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Intelligence;

/// <summary>The TAXII 2.1 endpoints, each filter and each refusal, on the OASIS reference server's data set.</summary>
public sealed class TaxiiServerTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private const string Indicator6770 = "indicator--6770298f-0fd8-471a-ab8c-1c658a46574e";
    private const string Malware = "malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec";

    /// <summary>
    /// A collection (GREEN by default, so the reference objects reach the community) with the reference data
    /// loaded: 7 STIX 2.1 versions of 5 objects; the data set's one STIX 2.0 version (of the malware) is refused.
    /// </summary>
    private async Task<Guid> ReferenceCollectionAsync()
    {
        var collection = await app.CreateCollectionAsync(defaultTlp: "GREEN");
        var status = await app.PostObjectsAsync("pk.analyst", collection, ReferenceObjects());
        Assert.Equal(7, status.GetProperty("success_count").GetInt32());
        return collection;
    }

    private static string Objects(Guid collection) => $"/taxii2/api/collections/{collection}/objects/";

    private static List<string> Ids(JsonElement envelope)
        => envelope.TryGetProperty("objects", out var objects) ? [.. objects.EnumerateArray().Select(o => o.GetProperty("id").GetString()!)] : [];

    [Fact]
    public async Task Discovery_and_api_root_answer_in_the_taxii_media_type()
    {
        using var client = await app.TaxiiAs("pk.analyst");
        var (status, discovery, response) = await client.GetJson("/taxii2/");
        Assert.Equal(200, status);
        Assert.Equal(Taxii, response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        var root = discovery.GetProperty("api_roots")[0].GetString()!;
        Assert.EndsWith("/taxii2/api/", root);
        var (rootStatus, information, _) = await client.GetJson("/taxii2/api/");
        Assert.Equal(200, rootStatus);
        Assert.Equal(Taxii, information.GetProperty("versions")[0].GetString());
        Assert.Equal(MaxContentLength, information.GetProperty("max_content_length").GetInt64());
    }

    [Fact]
    public async Task Collections_are_listed_with_read_and_write_rights_of_the_caller()
    {
        var collection = await app.CreateCollectionAsync();
        using var analyst = await app.TaxiiAs("pk.analyst");
        var (_, list, _) = await analyst.GetJson("/taxii2/api/collections/");
        var entry = list.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == collection.ToString());
        Assert.True(entry.GetProperty("can_write").GetBoolean());
        Assert.Equal("application/stix+json;version=2.1", entry.GetProperty("media_types")[0].GetString());
        using var viewer = await app.TaxiiAs("pk.viewer");
        var (status, one, _) = await viewer.GetJson($"/taxii2/api/collections/{collection}/");
        Assert.Equal(200, status);
        Assert.False(one.GetProperty("can_write").GetBoolean());
        var (missing, error, _) = await viewer.GetJson($"/taxii2/api/collections/{Guid.NewGuid()}/");
        Assert.Equal(404, missing);
        Assert.Equal("404", error.GetProperty("http_status").GetString());
    }

    [Fact]
    public async Task A_path_or_method_that_no_taxii_endpoint_serves_gets_an_error_resource()
    {
        var collection = await app.CreateCollectionAsync();
        using var analyst = await app.TaxiiAs("pk.analyst");
        var (status, error, _) = await analyst.GetJson("/taxii2/no-such-root/collections/");
        Assert.Equal(404, status);
        Assert.Equal("404", error.GetProperty("http_status").GetString());
        Assert.Contains("/taxii2/no-such-root/collections/", error.GetProperty("description").GetString());

        var response = await analyst.PutAsync($"/taxii2/api/collections/{collection}/objects/", null);
        Assert.Equal(405, (int)response.StatusCode);
        Assert.StartsWith("application/taxii+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("405", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("http_status").GetString());
    }

    [Fact]
    public async Task A_client_that_does_not_accept_taxii_gets_406_with_an_error_resource()
    {
        using var client = await app.LoginAs("pk.analyst");
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var response = await client.GetAsync("/taxii2/");
        Assert.Equal(406, (int)response.StatusCode);
        Assert.StartsWith("application/taxii+json", response.Content.Headers.ContentType!.MediaType);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("406", error.GetProperty("http_status").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Unauthenticated_requests_get_401_before_the_body_is_read()
    {
        var collection = await app.CreateCollectionAsync();
        using var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.Accept.ParseAdd(Taxii);
        // A body that is not JSON: were it read first, the answer would be 400.
        var content = new StringContent("this is not json", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii);
        var response = await anonymous.PostAsync(Objects(collection), content);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString());
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("401", error.GetProperty("http_status").GetString());

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "jsms_not-a-token");
        Assert.Equal(401, (int)(await anonymous.GetAsync("/taxii2/")).StatusCode);
    }

    [Fact]
    public async Task Basic_authentication_goes_through_the_sign_in_checker()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Accept.ParseAdd(Taxii);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"cn.liaison:{Jsms.Features.Demo.DemoScenario.DemoPassword}")));
        Assert.Equal(200, (int)(await client.GetAsync("/taxii2/api/collections/")).StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("cn.liaison:wrong")));
        var refused = await client.GetAsync("/taxii2/api/collections/");
        Assert.Equal(401, (int)refused.StatusCode);
        var failures = await app.WithDb(db => Task.FromResult(db.Set<Jsms.Platform.Audit.AuditEntry>()
            .Count(e => e.Action == "login.failure" && e.Detail!.StartsWith("taxii-basic"))));
        Assert.True(failures >= 1);
    }

    [Fact]
    public async Task Posting_the_reference_data_set_reports_a_complete_status_that_its_poster_can_fetch()
    {
        var collection = await app.CreateCollectionAsync();
        var status = await app.PostObjectsAsync("pk.analyst", collection, ReferenceObjects());
        Assert.Equal("complete", status.GetProperty("status").GetString());
        Assert.Equal(8, status.GetProperty("total_count").GetInt32());
        Assert.Equal(7, status.GetProperty("success_count").GetInt32());
        var refused = Assert.Single(status.GetProperty("failures").EnumerateArray());
        Assert.Equal(Malware, refused.GetProperty("id").GetString());
        Assert.Contains("STIX 2.0", refused.GetProperty("message").GetString());
        Assert.Equal(0, status.GetProperty("pending_count").GetInt32());
        var id = status.GetProperty("id").GetString();

        using var poster = await app.TaxiiAs("pk.analyst");
        var (ok, again, _) = await poster.GetJson($"/taxii2/api/status/{id}/");
        Assert.Equal(200, ok);
        Assert.Equal(7, again.GetProperty("success_count").GetInt32());
        using var other = await app.TaxiiAs("cn.liaison");
        Assert.Equal(404, (await other.GetJson($"/taxii2/api/status/{id}/")).Status);
    }

    [Fact]
    public async Task Objects_return_the_latest_version_by_default_and_filter_by_type_id_and_version()
    {
        var collection = await ReferenceCollectionAsync();
        using var client = await app.TaxiiAs("cn.liaison");

        var (_, latest, _) = await client.GetJson(Objects(collection) + "?match[type]=indicator,malware");
        var versions = latest.GetProperty("objects").EnumerateArray().Select(o => (o.GetProperty("id").GetString(), o.GetProperty("modified").GetString())).ToList();
        Assert.Equal(3, versions.Count);
        Assert.Contains((Indicator6770, "2017-01-27T13:49:53.935Z"), versions);
        Assert.Contains((Malware, "2017-01-27T13:49:53.997Z"), versions);

        var (_, all, _) = await client.GetJson(Objects(collection) + $"?match[id]={Indicator6770}&match[version]=all");
        Assert.Equal(3, Ids(all).Count);
        var (_, first, _) = await client.GetJson(Objects(collection) + $"?match[id]={Indicator6770}&match[version]=first");
        Assert.Equal("2016-11-03T12:30:59.000Z", first.GetProperty("objects")[0].GetProperty("modified").GetString());
        var (_, exact, _) = await client.GetJson(Objects(collection) + $"?match[id]={Indicator6770}&match[version]=2016-12-25T12:30:59.444Z");
        Assert.Equal("2016-12-25T12:30:59.444Z", Assert.Single(exact.GetProperty("objects").EnumerateArray()).GetProperty("modified").GetString());
        var (_, firstAndLast, _) = await client.GetJson(Objects(collection) + $"?match[id]={Indicator6770}&match[version]=first,last");
        Assert.Equal(2, Ids(firstAndLast).Count);

        var (_, spec, _) = await client.GetJson(Objects(collection) + "?match[spec_version]=2.1&match[type]=malware");
        Assert.Single(Ids(spec));
        var (_, none, _) = await client.GetJson(Objects(collection) + "?match[spec_version]=2.0");
        Assert.Empty(Ids(none));
        Assert.False(none.TryGetProperty("more", out _) && none.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task Pages_follow_next_without_gaps_or_repeats_and_carry_the_date_added_headers()
    {
        var collection = await ReferenceCollectionAsync();
        using var client = await app.TaxiiAs("cn.liaison");
        var (_, everything, _) = await client.GetJson(Objects(collection) + "?match[version]=all");
        var expected = Ids(everything).Count;
        Assert.Equal(13, expected); // 7 reference versions + 5 TLP 2.0 definitions + the JSMS extension-definition

        var seen = new List<string>();
        string? next = null;
        var previousLast = "";
        var pages = 0;
        do
        {
            var (status, page, response) = await client.GetJson(Objects(collection) + "?match[version]=all&limit=3" + (next is null ? "" : $"&next={next}"));
            Assert.Equal(200, status);
            pages++;
            var firstAdded = response.Headers.GetValues("X-TAXII-Date-Added-First").Single();
            var lastAdded = response.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
            Assert.True(string.CompareOrdinal(firstAdded, lastAdded) <= 0);
            Assert.True(string.CompareOrdinal(previousLast, firstAdded) < 0);
            previousLast = lastAdded;
            seen.AddRange(page.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString() + "@" + o.GetRawText().GetHashCode()));
            Assert.True(page.GetProperty("objects").GetArrayLength() <= 3);
            next = page.GetProperty("more").GetBoolean() ? page.GetProperty("next").GetString() : null;
        }
        while (next is not null);
        Assert.Equal(5, pages);
        Assert.Equal(expected, seen.Count);
        Assert.Equal(expected, seen.Distinct().Count());
    }

    [Fact]
    public async Task Added_after_returns_only_what_was_added_later()
    {
        var collection = await ReferenceCollectionAsync();
        using var client = await app.TaxiiAs("cn.liaison");
        var (_, firstPage, response) = await client.GetJson(Objects(collection) + "?match[version]=all&limit=10");
        var mark = response.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
        var (_, rest, _) = await client.GetJson(Objects(collection) + $"?match[version]=all&added_after={mark}");
        Assert.Equal(3, Ids(rest).Count);
        Assert.All(Ids(rest), id => Assert.True(id.StartsWith("indicator--6770", StringComparison.Ordinal) || id.StartsWith("malware--", StringComparison.Ordinal) || !Ids(firstPage).Contains(id)));
    }

    [Fact]
    public async Task Manifest_lists_id_date_added_version_and_media_type()
    {
        var collection = await ReferenceCollectionAsync();
        using var client = await app.TaxiiAs("cn.liaison");
        var (status, manifest, response) = await client.GetJson($"/taxii2/api/collections/{collection}/manifest/?match[id]={Indicator6770}&match[version]=all");
        Assert.Equal(200, status);
        var entries = manifest.GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal(["2016-11-03T12:30:59.000Z", "2016-12-25T12:30:59.444Z", "2017-01-27T13:49:53.935Z"],
            entries.Select(e => e.GetProperty("version").GetString()!).Order().ToArray());
        Assert.All(entries, e => Assert.Equal("application/stix+json;version=2.1", e.GetProperty("media_type").GetString()));
        Assert.All(entries, e => Assert.True(StixTime.TryParse(e.GetProperty("date_added").GetString(), out _)));
        Assert.True(response.Headers.Contains("X-TAXII-Date-Added-First"));
    }

    [Fact]
    public async Task One_object_and_its_versions()
    {
        var collection = await ReferenceCollectionAsync();
        using var client = await app.TaxiiAs("cn.liaison");
        var (status, one, _) = await client.GetJson(Objects(collection) + $"{Indicator6770}/");
        Assert.Equal(200, status);
        Assert.Equal("2017-01-27T13:49:53.935Z", Assert.Single(one.GetProperty("objects").EnumerateArray()).GetProperty("modified").GetString());
        var (_, all, _) = await client.GetJson(Objects(collection) + $"{Indicator6770}/?match[version]=all");
        Assert.Equal(3, Ids(all).Count);

        var (vs, versions, response) = await client.GetJson(Objects(collection) + $"{Indicator6770}/versions/");
        Assert.Equal(200, vs);
        Assert.Equal(3, versions.GetProperty("versions").GetArrayLength());
        Assert.True(response.Headers.Contains("X-TAXII-Date-Added-Last"));
        var (_, paged, _) = await client.GetJson(Objects(collection) + $"{Indicator6770}/versions/?limit=2");
        Assert.True(paged.GetProperty("more").GetBoolean());

        Assert.Equal(404, (await client.GetJson(Objects(collection) + $"indicator--{Guid.NewGuid()}/")).Status);
        Assert.Equal(404, (await client.GetJson($"/taxii2/api/collections/{Guid.NewGuid()}/objects/")).Status);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=abc")]
    [InlineData("match[version]=newest")]
    [InlineData("added_after=yesterday")]
    [InlineData("next=garbage")]
    [InlineData("match[colour]=red")]
    public async Task Bad_filter_parameters_get_400_with_an_error_resource(string query)
    {
        var collection = await app.CreateCollectionAsync();
        using var client = await app.TaxiiAs("pk.analyst");
        var (status, error, _) = await client.GetJson(Objects(collection) + "?" + query);
        Assert.Equal(400, status);
        Assert.Equal("400", error.GetProperty("http_status").GetString());
    }

    [Fact]
    public async Task Posts_over_max_content_length_get_413_and_other_media_types_415()
    {
        var collection = await app.CreateCollectionAsync();
        using var client = await app.TaxiiAs("pk.analyst");
        var big = new JsonObject { ["objects"] = new JsonArray(IntelligenceTestApp.Indicator(new string('x', (int)MaxContentLength))) };
        var response = await client.PostAsync(Objects(collection), TaxiiBody(big));
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal("413", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("http_status").GetString());

        var json = new StringContent("{\"objects\":[]}", Encoding.UTF8, "application/json");
        Assert.Equal(415, (int)(await client.PostAsync(Objects(collection), json)).StatusCode);
        var notJson = new StringContent("{\"objects\": [", Encoding.UTF8);
        notJson.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii);
        Assert.Equal(400, (int)(await client.PostAsync(Objects(collection), notJson)).StatusCode);
    }

    [Fact]
    public async Task A_viewer_cannot_post_objects()
    {
        var collection = await app.CreateCollectionAsync();
        using var viewer = await app.TaxiiAs("pk.viewer");
        var response = await viewer.PostAsync(Objects(collection), TaxiiBody(new JsonObject { ["objects"] = new JsonArray(IntelligenceTestApp.Indicator("x")) }));
        Assert.Equal(403, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_stored_object_keeps_other_markings_and_extensions_and_one_with_a_repeated_extensions_property_is_refused()
    {
        var collection = await app.CreateCollectionAsync();
        const string statement = "marking-definition--d81f86b9-975b-4c0b-875e-810c5ad45a4f";
        var kept = IntelligenceTestApp.Indicator("kept", StixMarkings.Tlp2Ids[Tlp.Amber], releaseTo: ["CN-MPS"]);
        // A TLP 1.0 reference is replaced by the TLP 2.0 one; other references and extensions stay as sent.
        kept["object_marking_refs"] = new JsonArray(statement, "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82");
        kept["extensions"]!["extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e"] = new JsonObject { ["extension_type"] = "property-extension", ["rank"] = 5 };
        var twice = IntelligenceTestApp.Indicator("twice").ToJsonString();
        twice = twice[..^1] + ",\"extensions\":{},\"extensions\":{}}";
        var body = $"{{\"objects\":[{kept.ToJsonString()},{twice}]}}";
        using var client = await app.TaxiiAs("pk.analyst");
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii);
        var response = await client.PostAsync(Objects(collection), content);
        var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(202, (int)response.StatusCode);
        Assert.Equal(1, status.GetProperty("success_count").GetInt32());
        Assert.Contains("only once", status.GetProperty("failures")[0].GetProperty("message").GetString());

        var (code, page, _) = await client.GetJson(Objects(collection) + "?match[id]=" + kept["id"]);
        Assert.Equal(200, code);
        var stored = page.GetProperty("objects")[0];
        Assert.Equal([statement, StixMarkings.Tlp2Ids[Tlp.Amber]],
            stored.GetProperty("object_marking_refs").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(5, stored.GetProperty("extensions").GetProperty("extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e").GetProperty("rank").GetInt32());
        var release = stored.GetProperty("extensions").GetProperty(StixMarkings.ReleaseExtensionId);
        Assert.Equal("PK-NACTA", release.GetProperty("owner_agency").GetString());
        Assert.Equal("CN-MPS", release.GetProperty("release_to")[0].GetString());
        Assert.Equal("kept", stored.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Posted_objects_are_refused_with_reasons_and_versioned_only_by_their_owner()
    {
        var collection = await app.CreateCollectionAsync();
        var id = $"indicator--{Guid.NewGuid()}";
        var stix20 = IntelligenceTestApp.Indicator("old");
        stix20.Remove("spec_version");
        var badId = IntelligenceTestApp.Indicator("bad");
        badId["id"] = "indicator--not-a-uuid";
        var unknownAgency = IntelligenceTestApp.Indicator("unknown", releaseTo: ["XX-NONE"]);
        var status = await app.PostObjectsAsync("pk.analyst", collection,
            [IntelligenceTestApp.Indicator("v1", id: id), stix20, badId, unknownAgency, JsonValue.Create(42)!]);
        Assert.Equal(1, status.GetProperty("success_count").GetInt32());
        Assert.Equal(4, status.GetProperty("failure_count").GetInt32());
        var messages = status.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("spec_version"));
        Assert.Contains(messages, m => m.Contains("'id'"));
        Assert.Contains(messages, m => m.Contains("XX-NONE"));
        Assert.Contains(messages, m => m.Contains("not a JSON object"));

        var foreign = await app.PostObjectsAsync("cn.liaison", collection, [IntelligenceTestApp.Indicator("v2 by another", modified: "2026-03-02T10:00:00.000Z", id: id)]);
        Assert.Contains("another agency", foreign.GetProperty("failures")[0].GetProperty("message").GetString());

        var revoked = IntelligenceTestApp.Indicator("v2 revoked", modified: "2026-03-03T10:00:00.000Z", id: id);
        revoked["revoked"] = true;
        Assert.Equal(1, (await app.PostObjectsAsync("pk.analyst", collection, [revoked])).GetProperty("success_count").GetInt32());
        var after = await app.PostObjectsAsync("pk.analyst", collection, [IntelligenceTestApp.Indicator("v3", modified: "2026-03-04T10:00:00.000Z", id: id)]);
        Assert.Contains("revoked", after.GetProperty("failures")[0].GetProperty("message").GetString());
        var again = await app.PostObjectsAsync("pk.analyst", collection, [IntelligenceTestApp.Indicator("v1", id: id)]);
        Assert.Equal("already present", again.GetProperty("successes")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Emitted_objects_carry_the_tlp_2_marking_and_the_release_extension()
    {
        var collection = await app.CreateCollectionAsync();
        var indicator = IntelligenceTestApp.Indicator("released", releaseTo: ["CN-MPS"]);
        await app.PostObjectsAsync("pk.analyst", collection, [indicator]);
        using var client = await app.TaxiiAs("cn.liaison");
        var (_, one, _) = await client.GetJson(Objects(collection) + $"{indicator["id"]}/");
        var emitted = one.GetProperty("objects")[0];
        Assert.Equal([StixMarkings.Tlp2Ids[Tlp.Amber]], emitted.GetProperty("object_marking_refs").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var extension = emitted.GetProperty("extensions").GetProperty(StixMarkings.ReleaseExtensionId);
        Assert.Equal("property-extension", extension.GetProperty("extension_type").GetString());
        Assert.Equal("PK-NACTA", extension.GetProperty("owner_agency").GetString());
        Assert.Equal("CN-MPS", extension.GetProperty("release_to")[0].GetString());

        var (_, definitions, _) = await client.GetJson(Objects(collection) + "?match[type]=marking-definition,extension-definition");
        var ids = Ids(definitions);
        Assert.Contains("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", ids);
        Assert.Contains(StixMarkings.ReleaseExtensionId, ids);
    }

    [Fact]
    public async Task An_object_already_marked_as_jsms_writes_it_is_stored_as_received_and_served_back_byte_for_byte_and_valid()
    {
        var collection = await app.CreateCollectionAsync();
        var exact = IntelligenceTestApp.Indicator("as received", StixMarkings.Tlp2Ids[Tlp.Amber], releaseTo: ["CN-MPS"]);
        exact["extensions"]![StixMarkings.ReleaseExtensionId]!["owner_agency"] = "PK-NACTA";
        // Indented on purpose: what is stored and served is the text as it came, not a rewrite of it.
        var received = exact.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var otherOwner = IntelligenceTestApp.Indicator("claims another owner", StixMarkings.Tlp2Ids[Tlp.Amber], releaseTo: ["CN-MPS"]);
        otherOwner["extensions"]![StixMarkings.ReleaseExtensionId]!["owner_agency"] = "CN-MPS";
        var tlp1 = IntelligenceTestApp.Indicator("TLP 1.0 reference", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", releaseTo: ["CN-MPS"]);
        tlp1["extensions"]![StixMarkings.ReleaseExtensionId]!["owner_agency"] = "PK-NACTA";
        using var client = await app.TaxiiAs("pk.analyst");
        var content = new StringContent($"{{\"objects\":[{received},{otherOwner.ToJsonString()},{tlp1.ToJsonString()}]}}", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii);
        Assert.Equal(202, (int)(await client.PostAsync(Objects(collection), content)).StatusCode);

        var served = await client.GetStringAsync(Objects(collection) + "?match[type]=indicator");
        Assert.Contains(received, served, StringComparison.Ordinal);
        var objects = JsonNode.Parse(served)!["objects"]!.AsArray();
        Assert.Equal(3, objects.Count);
        // The owner is the poster's agency and the TLP reference is the 2.0 one: those two were rewritten.
        foreach (var rewritten in objects.Where(o => (string)o!["id"]! != (string)exact["id"]!))
        {
            Assert.Equal("PK-NACTA", (string)rewritten!["extensions"]![StixMarkings.ReleaseExtensionId]!["owner_agency"]!);
            Assert.Equal([StixMarkings.Tlp2Ids[Tlp.Amber]], rewritten["object_marking_refs"]!.AsArray().Select(r => (string)r!).ToArray());
        }
        var result = await StixValidator.ValidateAsync(objects.Select(o => o!.DeepClone()));
        Assert.True(result.Invalid == 0, result.Report);
    }

    [Fact]
    public async Task Non_ascii_text_and_escapes_are_served_byte_for_byte_as_stored()
    {
        var collection = await app.CreateCollectionAsync();
        var exact = IntelligenceTestApp.Indicator("placeholder", StixMarkings.Tlp2Ids[Tlp.Amber], releaseTo: ["CN-MPS"]);
        exact["extensions"]![StixMarkings.ReleaseExtensionId]!["owner_agency"] = "PK-NACTA";
        // Two-, three- and four-byte UTF-8 (é, 東京, an emoji as a surrogate pair in .NET) and JSON escapes kept as escapes:
        // the page copies the stored bytes, so nothing may be decoded, re-encoded or re-escaped on the way.
        var received = exact.ToJsonString().Replace("\"placeholder\"", "\"Caf\\u00e9 — Café 東京 🛰 \\\"quoted\\\" \\u002F\"", StringComparison.Ordinal);
        using var client = await app.TaxiiAs("pk.analyst");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"objects\":[{received}]}}"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii);
        Assert.Equal(202, (int)(await client.PostAsync(Objects(collection), content)).StatusCode);

        var served = await client.GetByteArrayAsync(Objects(collection));
        var expected = Encoding.UTF8.GetBytes(received);
        Assert.True(served.AsSpan().IndexOf(expected) >= 0, Encoding.UTF8.GetString(served));
        var stored = await app.WithDb(db => db.Set<StixObjectVersion>().Where(o => o.CollectionId == collection && o.StixId == (string)exact["id"]!)
            .Select(o => o.Json).SingleAsync());
        Assert.Equal(received, stored);
        var indicator = JsonNode.Parse(served)!["objects"]!.AsArray().Single(o => (string)o!["id"]! == (string)exact["id"]!)!;
        Assert.Equal("Café — Café 東京 🛰 \"quoted\" /", (string)indicator["name"]!);
    }

    [Fact]
    public async Task The_status_of_a_post_of_500_objects_lists_every_success_and_is_fetched_again_unchanged()
    {
        var collection = await app.CreateCollectionAsync();
        var objects = Enumerable.Range(0, 500).Select(i => (JsonNode)IntelligenceTestApp.Indicator($"Indicator {i}")).ToArray();
        using var client = await app.TaxiiAs("pk.analyst");
        var response = await client.PostAsync(Objects(collection), TaxiiBody(new JsonObject { ["objects"] = new JsonArray(objects) }));
        var posted = await response.Content.ReadAsStringAsync();
        Assert.Equal(202, (int)response.StatusCode);

        // About 50 KB (the body fits this test's max_content_length): written through pooled arrays regrown from 16 KB.
        Assert.True(posted.Length > 40_000, posted.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var status = JsonDocument.Parse(posted).RootElement;
        Assert.Equal(500, status.GetProperty("success_count").GetInt32());
        Assert.Equal(objects.Select(o => (string)o["id"]!), status.GetProperty("successes").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var again = await client.GetStringAsync($"/taxii2/api/status/{status.GetProperty("id").GetString()}/");
        Assert.Equal(posted, again);
    }

    [Fact]
    public async Task A_post_whose_body_breaks_after_a_full_batch_stores_nothing_of_it()
    {
        var collection = await app.CreateCollectionAsync();
        // 1,001 small objects (more than one batch of 1,000, under max_content_length), then the body ends in the middle of one.
        var objects = string.Join(',', Enumerable.Range(0, 1001).Select(i => $"{{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"ipv4-addr--{Guid.NewGuid()}\",\"value\":\"10.0.{i / 256}.{i % 256}\"}}"));
        using var client = await app.TaxiiAs("pk.analyst");
        var content = new StringContent($"{{\"objects\":[{objects},{{\"type\":\"ipv4-addr\",\"id\":", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii);
        var response = await client.PostAsync(Objects(collection), content);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("not a TAXII envelope", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, page, _) = await client.GetJson(Objects(collection) + "?match[type]=ipv4-addr");
        Assert.Empty(Ids(page));
    }
}
