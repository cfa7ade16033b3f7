using System.Net;
using Jsms.Platform.Access;
using Jsms.Features.Alerts;
using Jsms.Features.Partners;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Alerts;

/// <summary>/Alerts: what the caller may see, and acknowledge/resolve through the same logic as the API.</summary>
public sealed class AlertsPageTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task Reader_of_another_agency_sees_the_alert_without_buttons_and_gets_403_on_acknowledging_it()
    {
        var id = await RaiseAsync("Convoy overdue at checkpoint", AlertSeverity.High, Tlp.Green);
        using var analyst = await app.SignInWebAsync("ru.analyst");
        var page = await analyst.Client.GetStringAsync("/Alerts");
        Assert.Contains($"data-id=\"{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-tlp=\"GREEN\"", page, StringComparison.Ordinal);
        var article = page[page.IndexOf($"data-id=\"{id}\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("data-testid=\"alert-acknowledge\"", article[..article.IndexOf("</article>", StringComparison.Ordinal)], StringComparison.Ordinal);

        // Acting on an alert is its owner agency's (docs/access-policy.md, "Acting on alerts").
        var response = await analyst.PostFormAsync($"/Alerts?id={id}", [], handler: "Acknowledge", tokenFrom: "/Alerts");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AlertStatus.Open, await app.WithDb(db => db.Set<Alert>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        using var owner = await app.SignInWebAsync("pk.analyst");
        var acknowledged = await owner.PostFormAsync($"/Alerts?id={id}", [], handler: "Acknowledge", tokenFrom: "/Alerts");
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Contains("data-testid=\"alerts-notice\"", await acknowledged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (status, by) = await app.WithDb(db => db.Set<Alert>().Where(a => a.Id == id)
            .Select(a => new ValueTuple<AlertStatus, Guid?>(a.Status, a.AcknowledgedByUserId)).SingleAsync());
        Assert.Equal(AlertStatus.Acknowledged, status);
        Assert.Equal(await UserIdAsync("pk.analyst"), by);
    }

    [Fact]
    public async Task User_of_an_agency_that_cannot_see_the_alert_gets_404_on_its_post()
    {
        var id = await RaiseAsync("Members-only alert", AlertSeverity.Medium, Tlp.Green);
        using var observer = await app.SignInWebAsync("us.analyst");
        Assert.DoesNotContain($"data-id=\"{id}\"", await observer.Client.GetStringAsync("/Alerts"), StringComparison.Ordinal);

        var acknowledge = await observer.PostFormAsync($"/Alerts?id={id}", [], handler: "Acknowledge", tokenFrom: "/Alerts");
        Assert.Equal(HttpStatusCode.NotFound, acknowledge.StatusCode);
        var resolve = await observer.PostFormAsync($"/Alerts?id={id}", [new("note", "not mine")], handler: "Resolve", tokenFrom: "/Alerts");
        Assert.Equal(HttpStatusCode.NotFound, resolve.StatusCode);
        Assert.Equal(AlertStatus.Open, await app.WithDb(db => db.Set<Alert>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Viewer_sees_the_alert_without_buttons_and_cannot_acknowledge_it()
    {
        var id = await RaiseAsync("Read-only check", AlertSeverity.Low, Tlp.Amber);
        using var viewer = await app.SignInWebAsync("pk.viewer");
        var html = await viewer.Client.GetStringAsync("/Alerts");
        Assert.Contains($"data-id=\"{id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"alert-acknowledge\"", html, StringComparison.Ordinal);
        var response = await viewer.PostFormAsync($"/Alerts?id={id}", [], handler: "Acknowledge", tokenFrom: "/Alerts");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Resolving_with_a_note_records_it_and_the_filters_narrow_the_list()
    {
        var low = await RaiseAsync("Minor delay", AlertSeverity.Low, Tlp.Amber);
        var critical = await RaiseAsync("Attack warning", AlertSeverity.Critical, Tlp.Amber);
        using var coordinator = await app.SignInWebAsync("pk.coordinator");

        var high = await coordinator.Client.GetStringAsync("/Alerts?MinSeverity=High");
        Assert.Contains($"data-id=\"{critical}\"", high, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{low}\"", high, StringComparison.Ordinal);

        var resolved = await coordinator.PostFormAsync($"/Alerts?id={low}&Status=Open", [new("note", "Convoy arrived at 10:20")], handler: "Resolve", tokenFrom: "/Alerts");
        var open = await resolved.Content.ReadAsStringAsync();
        Assert.DoesNotContain($"data-id=\"{low}\"", open, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{critical}\"", open, StringComparison.Ordinal);

        var done = await coordinator.Client.GetStringAsync("/Alerts?Status=Resolved");
        Assert.Contains($"data-id=\"{low}\" data-status=\"Resolved\"", done, StringComparison.Ordinal);
        Assert.Contains("Convoy arrived at 10:20", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Showing_a_red_alert_in_the_list_is_an_audited_look()
    {
        var id = await RaiseAsync("Source at risk", AlertSeverity.Critical, Tlp.Red, createdBy: "pk.analyst");
        using var analyst = await app.SignInWebAsync("pk.analyst");
        Assert.Contains($"data-id=\"{id}\"", await analyst.Client.GetStringAsync("/Alerts"), StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.Set<Jsms.Platform.Audit.AuditEntry>().AnyAsync(e => e.RecordId == id && e.Action == "list" && e.UserName == "pk.analyst")));
    }

    [Fact]
    public async Task Reading_a_red_alert_over_the_api_is_audited_and_an_amber_one_is_not()
    {
        var red = await RaiseAsync("Informant exposed", AlertSeverity.Critical, Tlp.Red, createdBy: "pk.analyst");
        var amber = await RaiseAsync("Gate camera offline", AlertSeverity.Low, Tlp.Amber);
        using var analyst = await app.LoginAs("pk.analyst");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await analyst.GetAsync($"/api/alerts/{red}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await analyst.GetAsync($"/api/alerts/{amber}")).StatusCode);
        Assert.True(await app.WithDb(db => db.Set<Jsms.Platform.Audit.AuditEntry>().AnyAsync(e => e.RecordId == red && e.Action == "read" && e.UserName == "pk.analyst")));
        Assert.False(await app.WithDb(db => db.Set<Jsms.Platform.Audit.AuditEntry>().AnyAsync(e => e.RecordId == amber && e.Action == "read")));
    }

    /// <summary>An alert owned by PK-NACTA (GREEN reaches the regional members, not the observer).</summary>
    private Task<Guid> RaiseAsync(string title, AlertSeverity severity, Tlp tlp, string createdBy = "pk.coordinator")
        => app.WithDb(async db =>
        {
            var alert = new Alert
            {
                Id = Guid.NewGuid(),
                Kind = "test.alert",
                Severity = severity,
                Title = title,
                RaisedAt = app.Clock.GetUtcNow().UtcDateTime,
                Status = AlertStatus.Open,
                OwnerAgencyId = await db.Set<Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync(),
                Tlp = tlp,
                CreatedByUserId = await db.Users.Where(u => u.UserName == createdBy).Select(u => u.Id).SingleAsync(),
            };
            db.Add(alert);
            await db.SaveChangesAsync();
            return alert.Id;
        });

    private Task<Guid> UserIdAsync(string username)
        => app.WithDb(db => db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync());
}
