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
}
