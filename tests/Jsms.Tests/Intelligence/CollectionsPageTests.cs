using System.Net;
using Jsms.Features.Intelligence;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Intelligence;

/// <summary>/Intelligence/Collections: a writing role creates a collection from the page; a viewer sees the list only.</summary>
public sealed class CollectionsPageTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    [Fact]
    public async Task An_analyst_creates_a_collection_from_the_page_and_a_viewer_may_not()
    {
        var title = "Page collection " + Guid.NewGuid().ToString("N")[..8];
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var created = await analyst.PostFormAsync("/Intelligence/Collections", [new("Title", title), new("Description", "From the page"), new("DefaultTlp", "GREEN")]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"collection-created\"", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.Set<StixCollection>().AnyAsync(c => c.Title == title)));

        var refused = await analyst.PostFormAsync("/Intelligence/Collections", [new("Title", ""), new("DefaultTlp", "PURPLE")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-key=\"title\"", errors, StringComparison.Ordinal);
        Assert.Contains("data-key=\"defaultTlp\"", errors, StringComparison.Ordinal);

        using var viewer = await app.SignInWebAsync("pk.viewer");
        var list = await viewer.Client.GetStringAsync("/Intelligence/Collections");
        Assert.Contains(title, list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"collection-form\"", list, StringComparison.Ordinal);
        var forbidden = await viewer.PostFormAsync("/Intelligence/Collections", [new("Title", "Viewer's")], tokenFrom: "/Intelligence/Collections");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_relationship_written_with_the_form_fields_links_the_two_objects_by_name()
    {
        var collection = await app.CreateCollectionAsync();
        var tag = "Rel" + Guid.NewGuid().ToString("N")[..8];
        var indicator = IntelligenceTestApp.Indicator($"{tag} plate", StixMarkings.Tlp2Ids[Jsms.Platform.Access.Tlp.Green]);
        await app.PostObjectsAsync("pk.analyst", collection, [indicator]);
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var form = await analyst.Client.GetStringAsync("/Intelligence/Write?type=threat-actor");
        Assert.Contains("data-testid=\"stix-write-relationship\"", form, StringComparison.Ordinal);

        var actor = await analyst.PostFormAsync("/Intelligence/Write", [new("Form.Type", "threat-actor"), new("Form.CollectionId", collection.ToString()),
            new("Form.Name", $"{tag} group"), new("Form.ThreatActorTypes", "terrorist"), new("Form.Marking.Tlp", "GREEN")]);
        var actorId = System.Web.HttpUtility.ParseQueryString(actor.RequestMessage!.RequestUri!.Query)["id"]!;
        Assert.StartsWith("threat-actor--", actorId, StringComparison.Ordinal);
        Assert.Contains((string)indicator["id"]!, await analyst.Client.GetStringAsync("/Intelligence/Write?type=relationship"), StringComparison.Ordinal);

        var written = await analyst.PostFormAsync("/Intelligence/Write", [new("Form.Type", "relationship"), new("Form.CollectionId", collection.ToString()),
            new("Form.SourceRef", (string)indicator["id"]!), new("Form.RelationshipType", "indicates"), new("Form.TargetRef", actorId), new("Form.Marking.Tlp", "GREEN")]);
        var html = await written.Content.ReadAsStringAsync();
        Assert.True(written.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains($"{tag} plate</a>", html, StringComparison.Ordinal);
        Assert.Contains($"{tag} group</a>", html, StringComparison.Ordinal);
    }
}
