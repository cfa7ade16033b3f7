using System.Globalization;
using System.Net;
using Jsms.Features.Incidents;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Incidents;

/// <summary>GET /api/incidents/changes: the incidents corrected, deleted or merged since a point in time, as the caller may read them.</summary>
public sealed class IncidentChangeFeedTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static Dictionary<string, object?> Incident(string title, bool released) => new()
    {
        ["title"] = title,
        ["occurredOn"] = "2026-02-14",
        ["country"] = "PK",
        ["admin1"] = "Khyber Pakhtunkhwa",
        ["attackTypes"] = new[] { 2 },
        ["casualties"] = new[] { new { victimClass = "Civilians", killedBest = 2 } },
        ["marking"] = released ? new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } } : (object)new { tlp = "AMBER" },
    };

    private static string At(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_feed_lists_corrected_and_deleted_incidents_since_a_point_with_their_changed_fields_and_leaves_out_what_the_caller_may_not_read()
    {
        using var pakistan = await app.LoginAs("pk.analyst");
        var corrected = await (await pakistan.Post("/api/incidents", Incident("Checkpoint attack", released: true))).Read<IncidentDetailDto>(HttpStatusCode.Created);
        var deleted = await (await pakistan.Post("/api/incidents", Incident("Duplicate report", released: true))).Read<IncidentDetailDto>(HttpStatusCode.Created);
        var unreleased = await (await pakistan.Post("/api/incidents", Incident("Internal report", released: false))).Read<IncidentDetailDto>(HttpStatusCode.Created);
        var untouched = await (await pakistan.Post("/api/incidents", Incident("Quiet report", released: true))).Read<IncidentDetailDto>(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var since = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var change = Incident("Checkpoint attack near Bannu", released: true);
        (await pakistan.Put($"/api/incidents/{corrected.Id}", change)).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await pakistan.DeleteAsync($"/api/incidents/{deleted.Id}")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await pakistan.Put($"/api/incidents/{unreleased.Id}", Incident("Internal report, corrected", released: false))).EnsureSuccessStatusCode();

        var feed = await pakistan.GetAs<IncidentChangesDto>($"/api/incidents/changes?since={At(since)}");
        Assert.Equal([corrected.Id, deleted.Id, unreleased.Id], feed.Items.Select(i => i.Id));
        Assert.DoesNotContain(feed.Items, i => i.Id == untouched.Id);
        var first = feed.Items[0];
        Assert.Equal(("corrected", 2), (first.Change, first.Version));
        Assert.Equal(["title"], first.ChangedFields);
        Assert.Equal("deleted", feed.Items[1].Change);
        Assert.Equal(["deletedAt"], feed.Items[1].ChangedFields);
        Assert.NotNull(feed.Items[1].DeletedAt);
        Assert.Null(feed.NextSince);

        // A partner sees the changes of what was released to it, not the unreleased one.
        using var china = await app.LoginAs("cn.liaison");
        var theirs = await china.GetAs<IncidentChangesDto>($"/api/incidents/changes?since={At(since)}");
        Assert.Equal([corrected.Id, deleted.Id], theirs.Items.Select(i => i.Id));

        // Paged by (time, id): the next page starts after the last item.
        var page = await pakistan.GetAs<IncidentChangesDto>($"/api/incidents/changes?since={At(since)}&limit=2");
        Assert.Equal([corrected.Id, deleted.Id], page.Items.Select(i => i.Id));
        var next = await pakistan.GetAs<IncidentChangesDto>(
            $"/api/incidents/changes?since={At(page.NextSince!.Value)}&after={page.NextAfter}&limit=2");
        Assert.Equal([unreleased.Id], next.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task The_feed_without_a_point_in_time_answers_400_naming_it()
    {
        using var pakistan = await app.LoginAs("pk.analyst");
        var answer = await pakistan.GetAsync("/api/incidents/changes?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Contains("since", body, StringComparison.Ordinal);
        Assert.Contains("limit", body, StringComparison.Ordinal);
    }
}
