using System.Net;
using Jsms.Platform.Access;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Intelligence;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Intelligence;

/// <summary>TAXII 2.1 "Delete An Object": can_write, owner only, match[version] and match[spec_version].</summary>
public sealed class TaxiiDeleteTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private static string Url(Guid collection, string id, string query = "") => $"/taxii2/api/collections/{collection}/objects/{id}/{query}";

    [Fact]
    public async Task Owner_deletes_chosen_versions_then_all_and_the_object_is_gone()
    {
        var collection = await app.CreateCollectionAsync();
        var id = $"indicator--{Guid.NewGuid()}";
        await app.PostObjectsAsync("pk.analyst", collection, [
            Indicator("v1", id: id, modified: "2026-03-01T10:00:00.000Z"),
            Indicator("v2", id: id, modified: "2026-03-02T10:00:00.000Z"),
            Indicator("v3", id: id, modified: "2026-03-03T10:00:00.000Z")]);
        using var client = await app.TaxiiAs("pk.analyst");

        var first = await client.DeleteAsync(Url(collection, id, "?match[version]=first"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var (_, versions, _) = await client.GetJson(Url(collection, id, "versions/"));
        Assert.Equal(["2026-03-02T10:00:00.000Z", "2026-03-03T10:00:00.000Z"], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(Url(collection, id, "?match[version]=2026-03-03T10:00:00.000Z"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(Url(collection, id, "?match[version]=2026-03-03T10:00:00.000Z"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(Url(collection, id))).StatusCode);
        Assert.Equal(404, (await client.GetJson(Url(collection, id))).Status);
        Assert.Equal(3, await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "delete" && e.Detail!.Contains(id))));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync(Url(collection, id, "?match[type]=indicator"))).StatusCode);
    }

    [Fact]
    public async Task Without_match_version_only_the_latest_version_is_deleted()
    {
        // TAXII 2.1 section 5.7 with the match default of section 3.4: no match[version] is "last".
        var collection = await app.CreateCollectionAsync();
        var id = $"indicator--{Guid.NewGuid()}";
        await app.PostObjectsAsync("pk.analyst", collection, [
            Indicator("v1", id: id, modified: "2026-03-01T10:00:00.000Z"),
            Indicator("v2", id: id, modified: "2026-03-02T10:00:00.000Z"),
            Indicator("v3", id: id, modified: "2026-03-03T10:00:00.000Z")]);
        using var client = await app.TaxiiAs("pk.analyst");

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(Url(collection, id))).StatusCode);
        var (_, versions, _) = await client.GetJson(Url(collection, id, "versions/"));
        Assert.Equal(["2026-03-01T10:00:00.000Z", "2026-03-02T10:00:00.000Z"], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(1, await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "delete" && e.Detail!.Contains(id))));

        // Every version takes match[version]=all.
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(Url(collection, id, "?match[version]=all"))).StatusCode);
        Assert.Equal(404, (await client.GetJson(Url(collection, id))).Status);
    }

    [Fact]
    public async Task Partner_reading_an_object_cannot_delete_it_and_a_viewer_has_no_can_write()
    {
        var collection = await app.CreateCollectionAsync();
        var released = Indicator("Released", StixMarkings.Tlp2Ids[Tlp.Amber], ["CN-MPS"]);
        var unreleased = Indicator("Not released", StixMarkings.Tlp2Ids[Tlp.Amber]);
        await app.PostObjectsAsync("pk.analyst", collection, [released, unreleased]);

        using var china = await app.TaxiiAs("cn.liaison");
        var refused = await china.DeleteAsync(Url(collection, (string)released["id"]!));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/taxii+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await china.DeleteAsync(Url(collection, (string)unreleased["id"]!))).StatusCode);

        using var viewer = await app.TaxiiAs("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync(Url(collection, (string)released["id"]!))).StatusCode);
        using var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.Accept.ParseAdd(IntelligenceTestApp.Taxii);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync(Url(collection, (string)released["id"]!))).StatusCode);

        using var owner = await app.TaxiiAs("pk.analyst");
        Assert.Equal(200, (await owner.GetJson(Url(collection, (string)released["id"]!))).Status);
    }
}
