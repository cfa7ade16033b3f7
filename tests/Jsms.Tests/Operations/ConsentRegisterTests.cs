using System.Net;
using Jsms.Features.Alerts;
using Jsms.Features.Demo;
using Jsms.Features.Operations;
using Jsms.Tests.Infrastructure;
using Jsms.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Operations;

/// <summary>The consent register of a state: its consents with their areas and the deployed trackers' last positions, as the demo leaves them.</summary>
public sealed class ConsentRegisterTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    [Fact]
    public async Task The_register_shows_the_demo_operation_under_way_with_its_minibus_outside_the_consented_area_and_one_alert_for_it()
    {
        using var host = await app.LoginAs("pk.coordinator");
        var register = await host.GetAs<ConsentRegisterDto>("/api/operations/register?state=pk");
        Assert.Equal("PK", register.State);
        var entry = Assert.Single(register.Consents, c => c.Trackers.Any(t => t.DeviceId == DemoJointOperations.TrackerId));
        Assert.Equal("Active", entry.Status);
        Assert.Equal("UnderWay", Assert.Single(entry.Operations).Status);
        var minibus = Assert.Single(entry.Trackers, t => t.DeviceId == DemoJointOperations.TrackerId);
        Assert.False(minibus.Inside);
        Assert.Contains(register.Areas.GetProperty("features").EnumerateArray(),
            f => f.GetProperty("properties").GetProperty("consentId").GetGuid() == entry.ConsentId);

        var alert = Assert.Single(await app.WithDb(db => db.Set<Alert>().AsNoTracking().Where(a => a.SubjectId == entry.ConsentId).ToListAsync()));
        Assert.Equal("deployment.outside", alert.Kind);
        Assert.Equal(DemoJointOperations.TrackerId, alert.SubjectLabel);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync($"/api/alerts/{alert.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_partner_not_party_to_a_consent_does_not_find_it_on_the_register_and_an_unknown_state_is_a_validation_problem()
    {
        using var outsider = await app.LoginAs("us.analyst");
        var register = await outsider.GetAs<ConsentRegisterDto>("/api/operations/register?state=PK");
        Assert.DoesNotContain(register.Consents, c => c.Trackers.Any(t => t.DeviceId == DemoJointOperations.TrackerId));
        Assert.Empty(register.Areas.GetProperty("features").EnumerateArray());
        Assert.Contains("state", (await (await outsider.GetAsync("/api/operations/register?state=XX")).ValidationErrors()).Keys);
    }
}
