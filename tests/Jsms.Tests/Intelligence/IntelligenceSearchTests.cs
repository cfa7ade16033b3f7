using System.Net;
using Jsms.Platform.Access;
using Jsms.Features.Intelligence;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Intelligence;

/// <summary>Search beyond one page (keyset Link header, page link), by threat actor; and the RFI pages.</summary>
public sealed class IntelligenceSearchTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    [Fact]
    public async Task Search_pages_through_more_than_one_page_with_the_next_link_and_finds_objects_related_to_an_actor()
    {
        var collection = await app.CreateCollectionAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        await app.PostObjectsAsync("pk.analyst", collection, Enumerable.Range(0, 7).Select(i => (System.Text.Json.Nodes.JsonNode?)Indicator($"{marker} {i}", StixMarkings.Tlp2Ids[Tlp.Green])));
        using var client = await app.LoginAs("pk.analyst");
        var seen = new List<string>();
        string? url = $"/api/intelligence/objects?q={marker}&limit=3";
        var pages = 0;
        while (url is not null)
        {
            var response = await client.GetAsync(url);
            seen.AddRange((await response.Read<List<StixObjectSummary>>()).Select(o => o.Id));
            url = response.Headers.TryGetValues("Link", out var link) ? link.Single().Split('<', '>')[1] : null;
            pages++;
        }
        Assert.Equal(3, pages);
        Assert.Equal(7, seen.Distinct().Count());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/intelligence/objects?limit=500")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/intelligence/objects?after=nonsense")).StatusCode);

        // By actor: the objects at the other end of its relationships and the reports referring to it.
        var actor = await (await client.Post("/api/intelligence/objects", new { collectionId = collection, type = "threat-actor", properties = new { name = $"Actor {marker}" } })).Read<WrittenStix>(HttpStatusCode.Created);
        var indicator = await (await client.Post("/api/intelligence/objects", new { collectionId = collection, type = "indicator", properties = new { pattern = "[ipv4-addr:value = '203.0.113.9']", name = "linked" } })).Read<WrittenStix>(HttpStatusCode.Created);
        await (await client.Post("/api/intelligence/objects", new { collectionId = collection, type = "relationship", properties = new { relationship_type = "indicates", source_ref = indicator.Id, target_ref = actor.Id } })).Read<WrittenStix>(HttpStatusCode.Created);
        var report = await (await client.Post("/api/intelligence/objects", new { collectionId = collection, type = "report", properties = new { name = "About the actor", object_refs = new[] { actor.Id } } })).Read<WrittenStix>(HttpStatusCode.Created);
        var related = await client.GetAs<List<StixObjectSummary>>($"/api/intelligence/objects?actor={actor.Id}");
        Assert.Equal(new[] { indicator.Id, report.Id }.Order(), related.Select(r => r.Id).Order());

        using var web = await app.SignInWebAsync("pk.analyst");
        var page = await web.Client.GetStringAsync($"/Intelligence?Q={marker}");
        Assert.DoesNotContain("data-testid=\"intelligence-next\"", page, StringComparison.Ordinal); // 7 + actor: one page of 200
        Assert.Contains(actor.Id, page, StringComparison.Ordinal); // in the actor choice
    }

    [Fact]
    public async Task Rfi_pages_ask_answer_and_hide_the_request_from_agencies_not_asked()
    {
        using var pakistan = await app.SignInWebAsync("pk.analyst");
        var asked = await pakistan.PostFormAsync("/Intelligence/Rfis", [
            new("NewRfi.To", "CN-MPS"), new("NewRfi.Title", "Page request"), new("NewRfi.Question", "Who rented the car?"),
            new("NewRfi.DueAt", app.Clock.GetUtcNow().UtcDateTime.AddDays(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            new("NewRfi.Marking.Tlp", "AMBER")], handler: "Ask");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var path = asked.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.StartsWith("/Intelligence/Rfi?id=", path, StringComparison.Ordinal);

        var bad = await pakistan.PostFormAsync("/Intelligence/Rfis", [new("NewRfi.To", "XX-NONE"), new("NewRfi.Title", ""), new("NewRfi.Question", "q")], handler: "Ask");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data-field=\"to\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var china = await app.SignInWebAsync("cn.liaison");
        var answered = await china.PostFormAsync(path, [new("answer", "A rental company in Karachi.")], handler: "Answer", tokenFrom: path);
        Assert.Contains("A rental company in Karachi.", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Page request", await china.Client.GetStringAsync("/Intelligence/Rfis"), StringComparison.Ordinal);

        using var iran = await app.SignInWebAsync("ir.coordinator");
        Assert.Equal(HttpStatusCode.NotFound, (await iran.Client.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("Page request", await iran.Client.GetStringAsync("/Intelligence/Rfis"), StringComparison.Ordinal);
    }
}
