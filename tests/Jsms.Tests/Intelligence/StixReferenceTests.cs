using System.Net;
using Jsms.Platform.Access;
using Jsms.Features.Intelligence;
using Jsms.Tests.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Intelligence;

/// <summary>An object written by hand may reference only STIX objects its author may read; else 404 naming the property.</summary>
public sealed class StixReferenceTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private const string Base = "/api/intelligence/objects";

    [Fact]
    public async Task A_relationship_or_report_naming_an_object_the_author_may_not_read_or_that_exists_nowhere_answers_404_naming_it()
    {
        var pakistans = await app.CreateCollectionAsync("pk.analyst");
        var strict = IntelligenceTestApp.Indicator("Pakistan's eyes only " + Guid.NewGuid().ToString("N"), StixMarkings.Tlp2Ids[Tlp.AmberStrict]);
        await app.PostObjectsAsync("pk.analyst", pakistans, [strict]);
        var chinas = await app.CreateCollectionAsync("cn.liaison");
        var own = IntelligenceTestApp.Indicator("China's own " + Guid.NewGuid().ToString("N"), StixMarkings.Tlp2Ids[Tlp.Amber], ["PK-NACTA"]);
        await app.PostObjectsAsync("cn.liaison", chinas, [own]);
        using var china = await app.LoginAs("cn.liaison");
        var before = await app.WithDb(db => db.Set<StixObjectVersion>().CountAsync());

        var relationship = await china.Post(Base, new
        {
            collectionId = chinas,
            type = "relationship",
            properties = new { relationship_type = "related-to", source_ref = (string)own["id"]!, target_ref = (string)strict["id"]! },
        });
        Assert.Equal(HttpStatusCode.NotFound, relationship.StatusCode);
        Assert.Equal(["properties.target_ref"], (await relationship.ValidationProblemAsync()).Errors.Keys);

        var report = await china.Post(Base, new
        {
            collectionId = chinas,
            type = "report",
            properties = new { name = "Links", object_refs = new[] { (string)own["id"]!, (string)strict["id"]!, $"indicator--{Guid.NewGuid()}" } },
        });
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal(["properties.object_refs[1]", "properties.object_refs[2]"], (await report.ValidationProblemAsync()).Errors.Keys.Order());
        Assert.Equal(before, await app.WithDb(db => db.Set<StixObjectVersion>().CountAsync()));

        var readable = await china.Post(Base, new
        {
            collectionId = chinas,
            type = "report",
            properties = new { name = "Links", object_refs = new[] { (string)own["id"]! } },
        });
        Assert.Equal(HttpStatusCode.Created, readable.StatusCode);
    }
}
