using System.Net;
using System.Text.Json;
using Jsms.Features.Intelligence;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Intelligence;

/// <summary>
/// TAXII 2.1 (OASIS Standard, 10 June 2021) requirements found missing by the conformance audit (docs/intelligence.md,
/// "TAXII 2.1 conformance"): each test names the section it holds.
/// </summary>
public sealed class TaxiiConformanceTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private static string Objects(Guid collection) => $"/taxii2/api/collections/{collection}/objects/";

    private static List<string> Versions(JsonElement envelope)
        => envelope.TryGetProperty("objects", out var objects) ? [.. objects.EnumerateArray().Select(o => o.GetProperty("modified").GetString()!)] : [];

    /// <summary>
    /// An object with three versions, the one modified <paramref name="olderSpec"/> rewritten as spec_version 2.0 (JSMS itself
    /// accepts only 2.1, so the row is changed in the database, as a store holding objects of two spec versions would have it).
    /// </summary>
    private async Task<(Guid Collection, string Id)> TwoSpecVersionsAsync(string olderSpec)
    {
        var collection = await app.CreateCollectionAsync(defaultTlp: "GREEN");
        var id = $"indicator--{Guid.NewGuid()}";
        await app.PostObjectsAsync("pk.analyst", collection, [
            Indicator("v1", id: id, modified: "2026-03-01T10:00:00.000Z"),
            Indicator("v2", id: id, modified: "2026-03-02T10:00:00.000Z"),
            Indicator("v3", id: id, modified: "2026-03-03T10:00:00.000Z")]);
        var modified = DateTime.Parse(olderSpec, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var changed = await app.WithDb(db => db.Set<StixObjectVersion>()
            .Where(o => o.CollectionId == collection && o.StixId == id && o.Modified == modified)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SpecVersion, "2.0")
                .SetProperty(o => o.Json, o => o.Json!.Replace("\"spec_version\":\"2.1\"", "\"spec_version\":\"2.0\""))));
        Assert.Equal(1, changed);
        return (collection, id);
    }

    [Fact]
    public async Task Without_match_spec_version_only_the_latest_spec_version_of_an_object_is_returned()
    {
        // Section 3.4.1, spec_version: "If no spec_version parameter is provided, the server MUST return only the latest
        // spec_version for each object matching the remaining criteria." The latest version (v3) is the STIX 2.0 one here.
        var (collection, id) = await TwoSpecVersionsAsync("2026-03-03T10:00:00.000Z");
        using var client = await app.TaxiiAs("cn.liaison");

        var (_, all, _) = await client.GetJson(Objects(collection) + $"?match[id]={id}&match[version]=all");
        Assert.Equal(["2026-03-01T10:00:00.000Z", "2026-03-02T10:00:00.000Z"], Versions(all).Order());
        // "last" and "first" are taken among the versions of the latest spec_version.
        var (_, last, _) = await client.GetJson(Objects(collection) + $"?match[id]={id}");
        Assert.Equal(["2026-03-02T10:00:00.000Z"], Versions(last));
        var (_, first, _) = await client.GetJson(Objects(collection) + $"?match[id]={id}&match[version]=first");
        Assert.Equal(["2026-03-01T10:00:00.000Z"], Versions(first));
        var (_, stamp, _) = await client.GetJson(Objects(collection) + $"?match[id]={id}&match[version]=2026-03-03T10:00:00.000Z");
        Assert.Empty(Versions(stamp));
        var (_, one, _) = await client.GetJson(Objects(collection) + $"{id}/");
        Assert.Equal(["2026-03-02T10:00:00.000Z"], Versions(one));
        var (_, versions, _) = await client.GetJson(Objects(collection) + $"{id}/versions/");
        Assert.Equal(["2026-03-01T10:00:00.000Z", "2026-03-02T10:00:00.000Z"], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        var (_, manifest, _) = await client.GetJson($"/taxii2/api/collections/{collection}/manifest/?match[id]={id}&match[version]=all");
        Assert.Equal(2, manifest.GetProperty("objects").GetArrayLength());

        // Asked for, the other spec_version is served, and "last" is the last of what the filters keep.
        var (_, older, _) = await client.GetJson(Objects(collection) + $"?match[id]={id}&match[spec_version]=2.0");
        var served = Assert.Single(older.GetProperty("objects").EnumerateArray());
        Assert.Equal("2.0", served.GetProperty("spec_version").GetString());
        var (_, both, _) = await client.GetJson(Objects(collection) + $"?match[id]={id}&match[spec_version]=2.0,2.1&match[version]=all");
        Assert.Equal(3, Versions(both).Count);
        var (_, lastOf21, _) = await client.GetJson(Objects(collection) + $"?match[id]={id}&match[spec_version]=2.1");
        Assert.Equal(["2026-03-02T10:00:00.000Z"], Versions(lastOf21));
    }

    [Fact]
    public async Task Delete_without_match_spec_version_deletes_only_versions_of_the_latest_spec_version()
    {
        // Section 5.7 takes match[spec_version] with the meaning and default of section 3.4.1.
        var (collection, id) = await TwoSpecVersionsAsync("2026-03-01T10:00:00.000Z");
        using var client = await app.TaxiiAs("pk.analyst");

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(Objects(collection) + $"{id}/?match[version]=all")).StatusCode);
        var (_, rest, _) = await client.GetJson(Objects(collection) + $"?match[id]={id}&match[version]=all&match[spec_version]=2.0,2.1");
        Assert.Equal(["2026-03-01T10:00:00.000Z"], Versions(rest));
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(Objects(collection) + $"{id}/?match[spec_version]=2.0")).StatusCode);
        Assert.Equal(404, (await client.GetJson(Objects(collection) + $"{id}/?match[spec_version]=2.0")).Status);
    }

    [Fact]
    public async Task Basic_sign_in_reads_the_account_once_for_the_check_and_once_for_the_caller()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Accept.ParseAdd(Taxii);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"pk.analyst:{Jsms.Features.Demo.DemoScenario.DemoPassword}")));
        var id = SqlCommandCounter.NewRequestId();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/taxii2/api/collections/");
        request.Headers.Add(SqlCommandCounter.Header, id);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        // The collections say what the caller may do: the caller was built from the account read at sign-in.
        Assert.All(JsonDocument.Parse(body).RootElement.GetProperty("collections").EnumerateArray(), c => Assert.True(c.GetProperty("can_write").GetBoolean()));
        var reads = SqlCommandCounter.Take(id).Where(c => c.Contains("FROM \"AspNetUsers\"", StringComparison.Ordinal)
            && c.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)).ToList();
        // The sign-in check (user name, password hash, lockout) and the caller (roles, agency); nothing else reads the account again.
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task The_version_of_an_object_without_modified_is_its_created_timestamp()
    {
        // Manifest records and match[version] (sections 3.4.1 and 5.3): an object's version is its modified timestamp, else its
        // created one, else the date it was added (the OASIS reference server's rule). The TLP 2.0 definitions have only created.
        var collection = await app.CreateCollectionAsync(defaultTlp: "GREEN");
        var clear = StixMarkings.Tlp2Ids[Jsms.Platform.Access.Tlp.Clear];
        using var client = await app.TaxiiAs("cn.liaison");

        var (_, manifest, _) = await client.GetJson($"/taxii2/api/collections/{collection}/manifest/?match[id]={clear}");
        var record = Assert.Single(manifest.GetProperty("objects").EnumerateArray());
        Assert.Equal("2022-10-01T00:00:00.000Z", record.GetProperty("version").GetString());
        var (_, versions, _) = await client.GetJson(Objects(collection) + $"{clear}/versions/");
        Assert.Equal(["2022-10-01T00:00:00.000Z"], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        var (_, exact, _) = await client.GetJson(Objects(collection) + $"?match[id]={clear}&match[version]=2022-10-01T00:00:00.000Z");
        Assert.Equal(clear, Assert.Single(exact.GetProperty("objects").EnumerateArray()).GetProperty("id").GetString());

        // An object with neither (a cyber-observable) is versioned by the date it was added.
        var observable = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "ipv4-addr", ["spec_version"] = "2.1", ["id"] = $"ipv4-addr--{Guid.NewGuid()}", ["value"] = "198.51.100.9",
        };
        await app.PostObjectsAsync("pk.analyst", collection, [observable]);
        var (_, added, _) = await client.GetJson($"/taxii2/api/collections/{collection}/manifest/?match[id]={observable["id"]}");
        var entry = Assert.Single(added.GetProperty("objects").EnumerateArray());
        Assert.Equal(entry.GetProperty("date_added").GetString(), entry.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("application/taxii+json;version=2.1", 200)]
    [InlineData("application/taxii+json", 200)] // no version: the latest, which is 2.1 (section 1.6.8)
    [InlineData("application/json, application/taxii+json; version=2.1", 200)]
    [InlineData("application/taxii+json;version=2.0", 406)]
    [InlineData("application/taxii+json;version=2.1;q=0, application/json", 406)] // q=0: "not acceptable" (RFC 9110, 12.4.2)
    [InlineData("application/stix+json;version=2.1", 406)]
    public async Task The_accept_header_decides_between_taxii_2_1_and_406(string accept, int status)
    {
        using var client = await app.LoginAs("pk.analyst");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/taxii2/");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/taxii+json; version=2.1", response.Content.Headers.ContentType!.ToString());
    }
}
