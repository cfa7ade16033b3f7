using System.Net;
using Jsms.Platform.Access;
using Jsms.Features.Intelligence;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Intelligence;

/// <summary>An answer to a request for information may link only STIX objects its author may read; else 404 naming the link.</summary>
public sealed class RfiReferenceTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private const string Base = "/api/intelligence/rfis";

    [Fact]
    public async Task Answer_linking_an_object_the_author_may_not_read_or_that_exists_nowhere_answers_404_naming_the_link()
    {
        var pakistans = await app.CreateCollectionAsync("pk.analyst");
        var strict = IntelligenceTestApp.Indicator("Pakistan's eyes only", StixMarkings.Tlp2Ids[Tlp.AmberStrict]);
        await app.PostObjectsAsync("pk.analyst", pakistans, [strict]);
        var chinas = await app.CreateCollectionAsync("cn.liaison");
        var own = IntelligenceTestApp.Indicator("China's own", StixMarkings.Tlp2Ids[Tlp.Amber], ["PK-NACTA"]);
        await app.PostObjectsAsync("cn.liaison", chinas, [own]);
        using var pakistan = await app.LoginAs("pk.analyst");
        var rfi = await (await pakistan.Post(Base, new
        {
            to = new[] { "CN-MPS" },
            title = "Links " + Guid.NewGuid().ToString("N"),
            question = "Which accounts?",
            dueAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(1),
        })).Read<RfiDto>(HttpStatusCode.Created);
        using var china = await app.LoginAs("cn.liaison");

        var refused = await china.Post($"{Base}/{rfi.Id}/answers", new
        {
            text = "See these.",
            stixIds = new[] { (string)own["id"]!, (string)strict["id"]!, $"indicator--{Guid.NewGuid()}" },
        });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(["stixIds[1]", "stixIds[2]"], (await refused.ValidationProblemAsync()).Errors.Keys.Order());
        Assert.Equal(0, await app.WithDb(db => db.Set<RfiAnswer>().CountAsync(a => a.RfiId == rfi.Id)));

        var answered = await (await china.Post($"{Base}/{rfi.Id}/answers", new { text = "See this.", stixIds = new[] { (string)own["id"]! } })).Read<RfiDto>();
        Assert.Equal([(string)own["id"]!], Assert.Single(answered.Answers).StixIds);
    }
}
