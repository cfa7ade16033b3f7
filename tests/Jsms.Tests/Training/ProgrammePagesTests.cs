using System.Net;
using Jsms.Features.Assistance;
using Jsms.Features.Demo;
using Jsms.Features.Equipment;
using Jsms.Features.Training;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Training;

/// <summary>The programme pages (training, equipment, assistance) over HTTP with the sign-in cookie: owners see them, others get 404.</summary>
public sealed class ProgrammePagesTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task The_demo_programme_pages_render_for_their_owners_and_answer_404_to_a_partner_without_release()
    {
        var (course, agreement, activity) = await app.WithDb(async db => (
            await db.Set<Course>().Where(c => c.Topic == DemoProgrammes.CourseTopic).Select(c => c.Id).SingleAsync(),
            await db.Set<SupplyAgreement>().Where(a => a.Title == DemoProgrammes.AgreementTitle).Select(a => a.Id).SingleAsync(),
            await db.Set<AssistanceActivity>().Where(a => a.IatiIdentifier == DemoProgrammes.ActivityIdentifier).Select(a => a.Id).SingleAsync()));

        foreach (var (user, path, shows) in new[]
                 {
                     ("cn.coordinator", "/Programmes", "Training"), ("cn.coordinator", "/Training", DemoProgrammes.CourseTopic),
                     ("cn.coordinator", $"/Training/Course/{course}", DemoProgrammes.CourseTopic), ("ru.analyst", "/Equipment", DemoProgrammes.AgreementTitle),
                     ("ru.analyst", $"/Equipment/Agreement/{agreement}", DemoProgrammes.AgreementTitle), ("us.analyst", "/Assistance", "Anti-money-laundering capacity building"),
                     ("us.analyst", $"/Assistance/Activity/{activity}", "Anti-money-laundering capacity building"),
                 })
        {
            using var web = await app.SignInWebAsync(user);
            var response = await web.Client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} {path}: {(int)response.StatusCode}");
            Assert.Contains(shows, html, StringComparison.Ordinal);
        }

        using var china = await app.SignInWebAsync("cn.liaison");
        foreach (var path in new[] { $"/Equipment/Agreement/{agreement}", $"/Assistance/Activity/{activity}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await china.Client.GetAsync(path)).StatusCode);
        }
        Assert.DoesNotContain(DemoProgrammes.AgreementTitle, await china.Client.GetStringAsync("/Equipment"), StringComparison.Ordinal);
    }
}
