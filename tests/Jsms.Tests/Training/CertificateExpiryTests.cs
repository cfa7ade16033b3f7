using System.Net;
using Jsms.Features.Training;

namespace Jsms.Tests.Training;

/// <summary>Certificates expiring ahead of time: listed, alerted once to the holder's agency coordinators, and shown in training currency.</summary>
public sealed class CertificateExpiryTests(TrainingTestApp app) : IClassFixture<TrainingTestApp>
{
    private Task<int> CheckExpiry() => app.Service<CertificateExpiryMonitor>().EscalateOverdueAsync(CancellationToken.None);

    [Fact]
    public async Task Expiring_certificate_is_listed_ahead_alerted_once_to_the_holders_coordinators_and_shown_as_expired_in_currency()
    {
        using var china = await app.LoginAs("cn.coordinator");
        var course = await (await china.Post("/api/training/courses", new
        {
            topic = $"Post-blast investigation {Guid.NewGuid():N}",
            durationHours = 24,
            certificateValidityMonths = 12,
            marking = new { tlp = "AMBER", releaseTo = new[] { "PK-NACTA" } },
        })).Read<CourseDto>(HttpStatusCode.Created);
        var session = await (await china.Post($"/api/training/courses/{course.Id}/sessions", new
        {
            startsOn = app.Today.ToString("yyyy-MM-dd"),
            endsOn = app.Today.AddDays(2).ToString("yyyy-MM-dd"),
            place = "Islamabad",
            facilitators = new[] { "Zhang Min" },
        })).Read<SessionDto>(HttpStatusCode.Created);
        var enrolment = await (await china.Post($"/api/training/sessions/{session.Id}/enrolments", new { userName = "pk.analyst" }))
            .Read<EnrolmentDto>(HttpStatusCode.Created);
        var noAccount = await (await china.Post($"/api/training/sessions/{session.Id}/enrolments", new { name = "Imran  Baloch", agency = "pk-sindh", email = "imran@example.org" }))
            .Read<EnrolmentDto>(HttpStatusCode.Created);
        Assert.Equal("PK-SINDH", noAccount.Agency);

        var result = await (await china.Patch($"/api/training/enrolments/{enrolment.Id}", new { status = "completed", hours = 24, grade = "A", passed = true }))
            .Read<EnrolmentDto>();
        Assert.NotNull(result.CertificateNumber);
        Assert.Equal(session.EndsOn, result.CertificateIssuedOn);
        Assert.Equal(session.EndsOn.AddMonths(12), result.CertificateExpiresOn);
        Assert.Equal(CurrencyState.Current, result.CertificateState);

        using var pakistan = await app.LoginAs("pk.coordinator");
        Assert.DoesNotContain(await pakistan.GetAs<List<EnrolmentDto>>("/api/training/certificates/expiring?within=60d"), e => e.Id == enrolment.Id);
        await CheckExpiry();
        Assert.Empty(await app.AlertsAbout(enrolment.Id));

        // Eleven months on, the certificate falls inside the 60-day window.
        app.Clock.Advance(TimeSpan.FromDays(335));
        var expiring = Assert.Single(await pakistan.GetAs<List<EnrolmentDto>>("/api/training/certificates/expiring?within=60d"), e => e.Id == enrolment.Id);
        Assert.Equal(CurrencyState.Expiring, expiring.CertificateState);
        await CheckExpiry();
        await CheckExpiry();
        var alert = Assert.Single(await app.AlertsAbout(enrolment.Id));
        Assert.Equal(CertificateExpiryMonitor.AlertKind, alert.Kind);
        var recipients = await app.RecipientsOf(alert.Id);
        Assert.Contains("pk.coordinator", recipients);
        Assert.DoesNotContain("cn.coordinator", recipients);

        var userId = await app.UserId("pk.analyst");
        var record = await pakistan.GetAs<List<EnrolmentDto>>($"/api/training/people/{userId}");
        Assert.Contains(record, e => e.Id == enrolment.Id && e.CertificateState == CurrencyState.Expiring);
        var byName = await pakistan.GetAs<List<EnrolmentDto>>("/api/training/people?name=imran%20baloch&agency=PK-SINDH");
        Assert.Contains(byName, e => e.Id == noAccount.Id);

        // For a consent request: on a date past expiry the person's training is flagged expired.
        var currency = await (await pakistan.Post("/api/training/currency", new
        {
            people = new object[] { new { userId }, new { name = "Nobody Known", agency = "PK-NACTA" } },
            on = app.Today.AddDays(90).ToString("yyyy-MM-dd"),
        })).Read<List<PersonCurrency>>();
        Assert.True(currency[0].AnyExpired);
        Assert.Contains(currency[0].Certificates, c => c.Id == enrolment.Id && c.CertificateState == CurrencyState.Expired);
        Assert.Empty(currency[1].Certificates);
    }

    [Fact]
    public async Task A_partner_the_course_is_not_released_to_gets_404_and_sees_nothing_of_it()
    {
        using var china = await app.LoginAs("cn.coordinator");
        var course = await (await china.Post("/api/training/courses", new { topic = $"Close protection {Guid.NewGuid():N}", durationHours = 16, marking = new { tlp = "AMBER" } }))
            .Read<CourseDto>(HttpStatusCode.Created);
        var session = await (await china.Post($"/api/training/courses/{course.Id}/sessions", new { startsOn = "2026-05-01", place = "Urumqi" }))
            .Read<SessionDto>(HttpStatusCode.Created);
        await (await china.Post($"/api/training/sessions/{session.Id}/enrolments", new { userName = "ru.analyst" })).Read<EnrolmentDto>(HttpStatusCode.Created);

        using var russia = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russia.GetAsync($"/api/training/courses/{course.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await russia.GetAsync($"/api/training/sessions/{session.Id}")).StatusCode);
        Assert.DoesNotContain(await russia.GetAs<List<CourseDto>>("/api/training/courses"), c => c.Id == course.Id);
        Assert.DoesNotContain(await russia.GetAs<List<EnrolmentDto>>($"/api/training/people/{await app.UserId("ru.analyst")}"), e => e.CourseId == course.Id);
        // Nor may a reader add to another agency's course.
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Post($"/api/training/courses/{course.Id}/sessions", new { startsOn = "2026-05-01", place = "x" })).StatusCode);
    }

    [Fact]
    public async Task Bad_course_session_enrolment_and_period_values_are_refused_naming_each_field()
    {
        using var china = await app.LoginAs("cn.coordinator");
        var errors = await (await china.Post("/api/training/courses", new { topic = " ", durationHours = -3, certificateValidityMonths = 0, kind = "lecture" })).ValidationErrors();
        Assert.Contains("topic", errors.Keys);
        Assert.Contains("durationHours", errors.Keys);
        Assert.Contains("certificateValidityMonths", errors.Keys);
        Assert.Contains("kind", errors.Keys);

        var course = await (await china.Post("/api/training/courses", new { topic = $"Bomb disposal {Guid.NewGuid():N}", durationHours = 8 })).Read<CourseDto>(HttpStatusCode.Created);
        errors = await (await china.Post($"/api/training/courses/{course.Id}/sessions", new { startsOn = "2026-05-03", endsOn = "2026-05-01" })).ValidationErrors();
        Assert.Contains("endsOn", errors.Keys);
        Assert.Contains("place", errors.Keys);
        var session = await (await china.Post($"/api/training/courses/{course.Id}/sessions", new { startsOn = "2026-05-01", place = "Kashgar" })).Read<SessionDto>(HttpStatusCode.Created);
        errors = await (await china.Post($"/api/training/sessions/{session.Id}/enrolments", new { name = "A Person", agency = "XX-NONE", role = "teacher" })).ValidationErrors();
        Assert.Contains("agency", errors.Keys);
        Assert.Contains("role", errors.Keys);
        var enrolment = await (await china.Post($"/api/training/sessions/{session.Id}/enrolments", new { userName = "cn.liaison" })).Read<EnrolmentDto>(HttpStatusCode.Created);
        errors = await (await china.Patch($"/api/training/enrolments/{enrolment.Id}", new { hours = -1, status = "applied", passed = true })).ValidationErrors();
        Assert.Contains("hours", errors.Keys);
        Assert.Contains("passed", errors.Keys);

        errors = await (await china.GetAsync("/api/training/certificates/expiring?within=soon")).ValidationErrors();
        Assert.Contains("within", errors.Keys);
    }
}
