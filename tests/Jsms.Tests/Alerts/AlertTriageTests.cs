using System.Net;
using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Alerts;

/// <summary>
/// Working an alert over HTTP (API and the alert page): assign to a user of the owner agency, comment, history, escalate,
/// resolve; who is refused (docs/access-policy.md, "Acting on alerts"); the menu's counts; the page of a redacted alert.
/// </summary>
public sealed class AlertTriageTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static readonly object[] Sightings =
    [
        new { source = "device", id = 11, time = new DateTime(2026, 3, 10, 8, 55, 0, DateTimeKind.Utc), latitude = 24.851, longitude = 67.009, via = "osmand" },
        new { source = "device", id = 12, time = new DateTime(2026, 3, 10, 8, 58, 0, DateTimeKind.Utc), latitude = 24.853, longitude = 67.011, via = "osmand" },
    ];

    [Fact]
    public async Task Assign_comment_escalate_and_resolve_are_kept_in_the_alerts_history_and_audited()
    {
        var id = await RaiseAsync("Gate breach", AlertSeverity.High, Tlp.Amber);
        using var coordinator = await app.LoginAs("pk.coordinator");
        var analyst = await UserIdAsync("pk.analyst");

        var assigned = await (await coordinator.Post($"/api/alerts/{id}/assign", new { userId = analyst })).Read<AlertDto>();
        Assert.Equal(analyst, assigned.AssignedToUserId);

        var comment = await (await coordinator.Post($"/api/alerts/{id}/comments", new { text = "Camera 3 shows the gate open" })).Read<AlertCommentDto>(HttpStatusCode.Created);
        Assert.Equal("pk.coordinator", comment.Author);
        var comments = await coordinator.GetAs<List<AlertCommentDto>>($"/api/alerts/{id}/comments");
        Assert.Equal("Camera 3 shows the gate open", Assert.Single(comments).Text);

        var escalated = await (await coordinator.Post($"/api/alerts/{id}/escalate", new { })).Read<AlertDto>();
        Assert.Equal(AlertSeverity.Critical, escalated.Severity);
        var again = await coordinator.Post($"/api/alerts/{id}/escalate", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var resolved = await (await coordinator.Post($"/api/alerts/{id}/resolve", new { note = "Gate closed, guard briefed" })).Read<AlertDto>();
        Assert.Equal(AlertStatus.Resolved, resolved.Status);

        var history = await coordinator.GetAs<List<AlertEventDto>>($"/api/alerts/{id}/history");
        Assert.Equal(["assign", "escalate", "resolve"], history.Select(e => e.Action));
        Assert.Equal(("High", "Critical"), (history[1].From, history[1].To));
        Assert.Equal("pk.analyst", history[0].To);
        Assert.All(history, e => Assert.Equal("pk.coordinator", e.User));

        Assert.True(await app.WithDb(db => db.Set<AuditEntry>().AnyAsync(e => e.RecordType == nameof(AlertComment) && e.RecordId == comment.Id && e.Action == "create")));
        Assert.Equal(3, await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordType == nameof(AlertEvent) && e.Action == "create"
            && db.Set<AlertEvent>().Any(x => x.Id == e.RecordId && x.AlertId == id))));
    }

    [Fact]
    public async Task Escalating_alerts_the_owner_agencys_coordinators_with_a_new_alert_about_the_escalated_one()
    {
        var id = await RaiseAsync("Perimeter sensor tripped", AlertSeverity.Medium, Tlp.Red, createdBy: "pk.analyst");
        using var analyst = await app.LoginAs("pk.analyst");
        // RED: the coordinator is not named, so does not read the alert itself ...
        using var coordinator = await app.LoginAs("pk.coordinator");
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/alerts/{id}")).StatusCode);

        Assert.Equal(AlertSeverity.High, (await (await analyst.Post($"/api/alerts/{id}/escalate", new { })).Read<AlertDto>()).Severity);

        // ... but is named on the escalation, which is derived from the alert (so it shows what the alert shows, no more).
        var notices = await coordinator.GetAs<List<AlertDto>>($"/api/alerts?kind={AlertTriage.EscalatedKind}&limit=1000");
        var notice = Assert.Single(notices, a => a.SubjectId == id);
        Assert.Equal(AlertSeverity.High, notice.Severity);
        Assert.Contains("Perimeter sensor tripped", notice.Title, StringComparison.Ordinal);
        Assert.Equal(nameof(Alert), notice.SubjectType);
        Assert.False(notice.Redacted);
        // Named on the escalated alert as well: the notice leads to it.
        Assert.Equal(AlertSeverity.High, (await coordinator.GetAs<AlertDto>($"/api/alerts/{id}")).Severity);
    }

    [Fact]
    public async Task Assigning_to_a_user_of_another_agency_is_refused_naming_the_field()
    {
        var id = await RaiseAsync("Assign check", AlertSeverity.Low, Tlp.Amber);
        using var coordinator = await app.LoginAs("pk.coordinator");
        var response = await coordinator.Post($"/api/alerts/{id}/assign", new { userId = await UserIdAsync("ru.analyst") });
        Assert.Contains("userId", (await response.ValidationErrors()).Keys);
        var missing = await coordinator.Post($"/api/alerts/{id}/assign", new { });
        Assert.Contains("userId", (await missing.ValidationErrors()).Keys);
        Assert.Null(await app.WithDb(db => db.Set<Alert>().Where(a => a.Id == id).Select(a => a.AssignedToUserId).SingleAsync()));
        var empty = await coordinator.Post($"/api/alerts/{id}/comments", new { text = "  " });
        Assert.Contains("text", (await empty.ValidationErrors()).Keys);
    }

    [Fact]
    public async Task A_partner_who_reads_the_alert_gets_403_to_act_and_a_non_reader_404_on_everything()
    {
        var id = await RaiseAsync("Regional alert", AlertSeverity.Medium, Tlp.Green);
        using var partner = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/alerts/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.Post($"/api/alerts/{id}/assign", new { userId = await UserIdAsync("ru.analyst") })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.Post($"/api/alerts/{id}/comments", new { text = "mine?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.Post($"/api/alerts/{id}/escalate", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/alerts/{id}/comments")).StatusCode);

        using var outsider = await app.LoginAs("us.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/alerts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/alerts/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/alerts/{id}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Post($"/api/alerts/{id}/assign", new { userId = await UserIdAsync("us.analyst") })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Post($"/api/alerts/{id}/comments", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Post($"/api/alerts/{id}/escalate", new { })).StatusCode);
        using var web = await app.SignInWebAsync("us.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client.GetAsync($"/Alerts/Detail/{id}")).StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.Set<AlertEvent>().CountAsync(e => e.AlertId == id)));
    }

    [Fact]
    public async Task The_menu_counts_leave_out_alerts_the_caller_may_not_read()
    {
        using var pk = await app.LoginAs("pk.analyst");
        using var us = await app.LoginAs("us.analyst");
        var pkBefore = await pk.GetAs<AlertCountsDto>("/api/alerts/counts");
        var usBefore = await us.GetAs<AlertCountsDto>("/api/alerts/counts");

        await RaiseAsync("Counted for PK only", AlertSeverity.Critical, Tlp.Amber);

        var pkAfter = await pk.GetAs<AlertCountsDto>("/api/alerts/counts");
        Assert.Equal(pkBefore.OpenAlerts + 1, pkAfter.OpenAlerts);
        Assert.Equal(pkBefore.OpenHighAlerts + 1, pkAfter.OpenHighAlerts);
        Assert.Equal(usBefore, await us.GetAs<AlertCountsDto>("/api/alerts/counts"));
    }

    [Fact]
    public async Task The_alert_page_shows_evidence_to_a_full_reader_and_none_to_a_reader_of_its_redacted_form()
    {
        // GREEN for the region, derived from an AMBER record of PK: partners read it redacted.
        var id = await RaiseAsync("Vehicle PLX-77 entered the Karachi zone", AlertSeverity.High, Tlp.Green, hiddenInput: true);

        using var owner = await app.SignInWebAsync("pk.analyst");
        var full = await owner.Client.GetStringAsync($"/Alerts/Detail/{id}");
        Assert.Contains("PLX-77", full, StringComparison.Ordinal);
        Assert.Equal(2, Count(full, "data-testid=\"alert-evidence-item\""));
        Assert.Contains("data-testid=\"alert-map\"", full, StringComparison.Ordinal);
        Assert.Contains("24.85100", full, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"alert-assign\"", full, StringComparison.Ordinal);

        using var partner = await app.SignInWebAsync("ru.analyst");
        var redacted = await partner.Client.GetStringAsync($"/Alerts/Detail/{id}");
        Assert.Contains("data-testid=\"alert-redacted\"", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("PLX-77", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("alert-evidence-item", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"alert-map\"", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("24.85", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("67.0", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"alert-assign\"", redacted, StringComparison.Ordinal);

        // The list links each alert to its page.
        Assert.Contains($"href=\"/Alerts/Detail/{id}\"", await partner.Client.GetStringAsync("/Alerts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_alert_page_the_owner_assigns_comments_and_resolves_and_a_bad_assignee_is_shown_beside_its_field()
    {
        var id = await RaiseAsync("Page triage", AlertSeverity.Medium, Tlp.Amber);
        var page = $"/Alerts/Detail/{id}";
        using var coordinator = await app.SignInWebAsync("pk.coordinator");

        var bad = await coordinator.PostFormAsync(page, [new("userId", (await UserIdAsync("cn.liaison")).ToString())], handler: "Assign", tokenFrom: page);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data-field=\"userId\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var assigned = await coordinator.PostFormAsync(page, [new("userId", (await UserIdAsync("pk.analyst")).ToString())], handler: "Assign", tokenFrom: page);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var commented = await coordinator.PostFormAsync(page, [new("comment", "Checked with the site guard")], handler: "Comment", tokenFrom: page);
        Assert.Contains("Checked with the site guard", await commented.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var resolved = await coordinator.PostFormAsync(page, [new("note", "False alarm")], handler: "Resolve", tokenFrom: page);
        var html = await resolved.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"Resolved\"", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"assign\"", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"resolve\"", html, StringComparison.Ordinal);

        // A viewer of the owner agency reads the page and the comments, without the actions, and is refused acting.
        using var viewer = await app.SignInWebAsync("pk.viewer");
        var seen = await viewer.Client.GetStringAsync(page);
        Assert.Contains("Checked with the site guard", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"alert-comment-add\"", seen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostFormAsync(page, [new("comment", "viewer note")], handler: "Comment", tokenFrom: page)).StatusCode);
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }

    /// <summary>
    /// An alert owned by PK-NACTA raised through AlertRaiser with two sightings as evidence; with <paramref name="hiddenInput"/>
    /// it is derived from an AMBER record of PK, which the partners who read a GREEN alert may not read.
    /// </summary>
    private Task<Guid> RaiseAsync(string title, AlertSeverity severity, Tlp tlp, string createdBy = "pk.coordinator", bool hiddenInput = false)
        => app.WithDb(async db =>
        {
            var owner = await db.Set<Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync();
            var creator = await db.Users.Where(u => u.UserName == createdBy).Select(u => u.Id).SingleAsync();
            var draft = new AlertDraft("test.triage", severity, title, app.Clock.GetUtcNow().UtcDateTime)
            {
                Detail = "Seen twice by the gate tracker",
                Latitude = 24.852,
                Longitude = 67.010,
                Evidence = Sightings,
            };
            AlertInput[] inputs = hiddenInput
                ? [new AlertInput(new Alert { Id = Guid.NewGuid(), OwnerAgencyId = owner, Tlp = Tlp.Amber, CreatedByUserId = creator }, "device")]
                : [];
            var alert = db.Raise(draft, new AlertAudience(owner, tlp, creator, [], []), inputs);
            await db.SaveChangesAsync();
            return alert.Id;
        });

    private Task<Guid> UserIdAsync(string username)
        => app.WithDb(db => db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync());
}
