using System.Net;
using Jsms.Features.Exercises;
using Jsms.Features.Operations;
using Jsms.Features.Training;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Operations;

/// <summary>Operations tied to the other modules: training currency on a request, an exercise's consent, and the host's steps on the register.</summary>
public sealed class ConsentIntegrationTests(OperationsTestApp app) : IClassFixture<OperationsTestApp>
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private DateOnly Today => DateOnly.FromDateTime(app.Now);

    [Fact]
    public async Task A_deployed_person_with_an_expired_certificate_is_warned_about_on_the_request_and_its_page()
    {
        var expired = $"Zhou Lei {Guid.NewGuid():N}"[..20];
        using var china = await app.LoginAs("cn.coordinator");
        var course = await (await china.Post("/api/training/courses", new
        {
            topic = $"Close protection {Guid.NewGuid():N}",
            durationHours = 40,
            certificateValidityMonths = 12,
            marking = new { tlp = "AMBER", releaseTo = new[] { "PK-NACTA" } },
        })).Read<CourseDto>(HttpStatusCode.Created);
        var session = await (await china.Post($"/api/training/courses/{course.Id}/sessions", new
        {
            startsOn = Today.ToString("yyyy-MM-dd"), endsOn = Today.AddDays(1).ToString("yyyy-MM-dd"), place = "Beijing", facilitators = new[] { "Zhang Min" },
        })).Read<SessionDto>(HttpStatusCode.Created);
        var enrolment = await (await china.Post($"/api/training/sessions/{session.Id}/enrolments", new { name = expired, agency = "CN-MPS" }))
            .Read<EnrolmentDto>(HttpStatusCode.Created);
        (await china.Patch($"/api/training/enrolments/{enrolment.Id}", new { status = "completed", hours = 40, passed = true })).EnsureSuccessStatusCode();
        // The certificate was earned long ago and lapsed before the deployment starts.
        await app.WithDb(async db =>
        {
            var row = await db.Set<Enrolment>().SingleAsync(e => e.Id == enrolment.Id);
            row.CertificateIssuedOn = Today.AddDays(-400);
            row.CertificateExpiresOn = Today.AddDays(-35);
            await db.SaveChangesAsync();
        });

        var request = await app.SubmittedRequestAsync("LiaisonPresence", ["PK-NACTA"], body: app.RequestBody("LiaisonPresence", ["PK-NACTA"], personnel:
        [
            new { name = expired, rank = "Inspector", role = "Close protection", passportNumber = "E11112222", vettedOn = "2025-03-01" },
        ]));
        var currency = Assert.Single(request.Currency);
        Assert.Equal(expired, currency.Name);
        Assert.True(currency.AnyExpired);
        Assert.False(currency.VettingCurrent);
        Assert.Contains(currency.Warnings, w => w.Contains("certificate expired on", StringComparison.Ordinal) && w.Contains(course.Topic, StringComparison.Ordinal));
        Assert.Contains(currency.Warnings, w => w.StartsWith("Vetting out of date", StringComparison.Ordinal));

        foreach (var party in new[] { "cn.liaison", "pk.analyst" })
        {
            using var web = await app.SignInWebAsync(party);
            var html = await web.Client.GetStringAsync($"/Operations/Request/{request.Id}");
            Assert.Contains("data-testid=\"currency-warning\"", html, StringComparison.Ordinal);
            Assert.Contains("certificate expired on", html, StringComparison.Ordinal);
        }
        using var outsider = await app.SignInWebAsync("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/Operations/Request/{request.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_exercise_runs_only_under_a_consent_its_organiser_may_read_and_shows_its_status()
    {
        var granted = await ConsentArrange.GrantAsync(app, app.Now.AddDays(-1), app.Now.AddDays(10));
        object Body(Guid consentId) => new
        {
            name = $"Harbour drill {Guid.NewGuid():N}", kind = "Field", startsOn = Today.ToString("yyyy-MM-dd"),
            endsOn = Today.AddDays(2).ToString("yyyy-MM-dd"), participants = new[] { "CN-MPS" }, consentId,
        };
        using var pakistan = await app.LoginAs("pk.analyst");
        var exercise = await (await pakistan.Post("/api/exercises", Body(granted.ConsentId))).Read<ExerciseDto>(HttpStatusCode.Created);
        Assert.Equal(granted.ConsentId, exercise.ConsentId);

        using var web = await app.SignInWebAsync("pk.analyst");
        var html = await web.Client.GetStringAsync($"/Exercises/Exercise/{exercise.Id}");
        Assert.Contains("data-testid=\"exercise-consent-status\">Active<", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Operations/Request/{granted.RequestId}\"", html, StringComparison.Ordinal);

        using var russia = await app.LoginAs("ru.analyst");
        var refused = await russia.Post("/api/exercises", Body(granted.ConsentId));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("consentId", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await pakistan.Post("/api/exercises", Body(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("consentId", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_suspends_resumes_and_revokes_on_the_register_and_the_requester_cannot()
    {
        var granted = await ConsentArrange.GrantAsync(app, app.Now.AddDays(-1), app.Now.AddDays(10));
        var idField = $"name=\"id\" value=\"{granted.ConsentId}\"";

        using var requester = await app.SignInWebAsync("cn.liaison");
        var seen = await requester.Client.GetStringAsync("/Operations/Consents");
        Assert.Contains(granted.ConsentId.ToString(), seen, StringComparison.Ordinal);
        // The requester may amend it, but has none of the host's steps.
        Assert.DoesNotContain("data-testid=\"consent-status-form\"", seen, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"consent-amend\"", seen, StringComparison.Ordinal);
        var attempt = await requester.PostFormAsync("/Operations/Consents", [F("id", granted.ConsentId.ToString()), F("reason", "We leave.")], handler: "Revoke");
        Assert.Contains(attempt.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        using var host = await app.SignInWebAsync("pk.analyst");
        Assert.Contains(idField, await host.Client.GetStringAsync("/Operations/Consents"), StringComparison.Ordinal);
        var suspended = await host.PostFormAsync("/Operations/Consents", [F("id", granted.ConsentId.ToString()), F("reason", "Talks paused.")], handler: "Suspend");
        var page = await suspended.Content.ReadAsStringAsync();
        Assert.Contains("Consent suspended.", page, StringComparison.Ordinal);
        Assert.Contains("Suspended: Talks paused.", page, StringComparison.Ordinal);
        var resumed = await host.PostFormAsync("/Operations/Consents", [F("id", granted.ConsentId.ToString()), F("reason", "Talks resumed.")], handler: "Resume");
        Assert.Contains("Active: Talks resumed.", await resumed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var revoked = await host.PostFormAsync("/Operations/Consents", [F("id", granted.ConsentId.ToString()), F("reason", "Strikes feared.")], handler: "Revoke");
        var after = await revoked.Content.ReadAsStringAsync();
        Assert.Contains("Revoked: Strikes feared.", after, StringComparison.Ordinal);
        Assert.DoesNotContain(idField, after, StringComparison.Ordinal);
    }
}
