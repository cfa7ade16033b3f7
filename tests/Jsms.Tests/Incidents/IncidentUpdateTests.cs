using System.Net;
using Jsms.Features.Incidents;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Incidents;

/// <summary>PUT /api/incidents/{id} replacing the rows an incident owns: groups, sources and victim classes.</summary>
public sealed class IncidentUpdateTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static Dictionary<string, object?> Body(string title, object[] perpetrators, object[] casualties, object[] sources) => new()
    {
        ["title"] = title,
        ["summary"] = "Gunmen attacked a checkpoint.",
        ["occurredOn"] = "2025-01-10",
        ["datePrecision"] = "Day",
        ["latitude"] = 33.6,
        ["longitude"] = 71.4,
        ["country"] = "PK",
        ["admin1"] = "Khyber Pakhtunkhwa",
        ["attackTypes"] = new[] { 2 },
        ["perpetrators"] = perpetrators,
        ["casualties"] = casualties,
        ["sources"] = sources,
        ["marking"] = new { tlp = "AMBER" },
    };

    [Fact]
    public async Task An_update_replacing_groups_and_sources_and_adding_a_victim_class_is_saved_as_a_new_version()
    {
        using var pakistan = await app.LoginAs("pk.analyst");
        var title = "Checkpoint attack " + Guid.NewGuid().ToString("N")[..8];
        var created = await (await pakistan.Post("/api/incidents", Body(title,
            [new { name = "Group A", claimed = "No" }],
            [new { victimClass = "SecurityForces", killedBest = 2 }],
            [new { name = "First report", killed = 2 }]))).Read<IncidentDetailDto>(HttpStatusCode.Created);

        var change = Body(title, [new { name = "Group B", claimed = "Yes", claimMode = "Telegram" }, new { name = "Group C", claimed = "Unknown" }],
            [new { victimClass = "SecurityForces", killedBest = 3 }, new { victimClass = "Civilians", killedBest = 1, injuredBest = 4 }],
            [new { name = "Second report", url = "https://news.example/second", killed = 4, injured = 4 }, new { name = "Police statement", killed = 3 }]);
        change["expectedVersion"] = 1;
        var response = await pakistan.Put($"/api/incidents/{created.Id}", change);
        var updated = await response.Read<IncidentDetailDto>();

        Assert.Equal(2, updated.Version);
        Assert.Equal(["Group B", "Group C"], updated.Perpetrators.Select(p => p.Name));
        Assert.Equal(["Police statement", "Second report"], updated.Sources.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(4, updated.KilledBest);
        Assert.Equal(4, updated.InjuredBest);

        var read = await pakistan.GetAs<IncidentDetailDto>($"/api/incidents/{created.Id}");
        Assert.Equal(["Group B", "Group C"], read.Perpetrators.Select(p => p.Name));
        Assert.Equal(2, read.Sources.Count);
        Assert.Equal(2, read.Casualties.Count);

        // And once more, replacing them again: the rows added by the first update are the stored ones now.
        var again = Body(title, [new { name = "Group D", claimed = "No" }], [new { victimClass = "Civilians", killedBest = 5 }], [new { name = "Third report", killed = 5 }]);
        again["expectedVersion"] = 2;
        var third = await (await pakistan.Put($"/api/incidents/{created.Id}", again)).Read<IncidentDetailDto>();
        Assert.Equal(3, third.Version);
        Assert.Equal("Group D", Assert.Single(third.Perpetrators).Name);
        Assert.Equal("Third report", Assert.Single(third.Sources).Name);
        Assert.Equal(5, third.KilledBest);
    }
}
