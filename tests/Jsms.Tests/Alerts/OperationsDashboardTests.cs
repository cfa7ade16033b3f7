using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Platform.Access;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Alerts;

/// <summary>The dashboard's operating picture: open alerts by severity, movements of the day, silent trackers, each a link, only what the caller may read.</summary>
public sealed class OperationsDashboardTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task The_dashboard_links_open_alerts_movements_under_way_and_silent_trackers_the_caller_may_read_and_no_others()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var name = "Convoy " + Guid.NewGuid().ToString("N")[..6];
        var tracker = "Gate tracker " + Guid.NewGuid().ToString("N")[..6];
        var (movement, device) = await app.WithDb(async db =>
        {
            var owner = await db.Set<Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync();
            var creator = await db.Users.Where(u => u.UserName == "pk.coordinator").Select(u => u.Id).SingleAsync();
            var m = new Movement { Id = Guid.NewGuid(), Name = name, Status = MovementStatus.UnderWay, CreatedAt = now, ArriveLatest = now.AddHours(2),
                OwnerAgencyId = owner, Tlp = Tlp.Amber, CreatedByUserId = creator };
            var d = new Device { Id = Guid.NewGuid(), UniqueId = "dash-" + Guid.NewGuid().ToString("N")[..10], Name = tracker, Kind = DeviceKind.VehicleTracker,
                CreatedAt = now, OwnerAgencyId = owner, Tlp = Tlp.Amber, CreatedByUserId = creator };
            db.AddRange(m, d);
            db.Add(new DeviceLastPosition { DeviceId = d.Id, PositionId = 1, Time = now.AddHours(-3) });
            db.Raise(new AlertDraft("test.dashboard", AlertSeverity.Critical, "Dashboard critical", now), new AlertAudience(owner, Tlp.Amber, creator, [], []), []);
            await db.SaveChangesAsync();
            return (m.Id, d.Id);
        });

        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var html = await coordinator.Client.GetStringAsync("/");
        Assert.Contains("data-testid=\"dashboard-alert-severity\" data-severity=\"Critical\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Alerts?MinSeverity=Critical\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Protection/Movement/{movement}\">{name}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Tracking/Device/{device}\">{tracker}</a>", html, StringComparison.Ordinal);

        // Another agency's user sees none of them, and empty states that say what to do.
        using var outsider = await app.SignInWebAsync("us.analyst");
        var theirs = await outsider.Client.GetStringAsync("/");
        Assert.DoesNotContain(name, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(tracker, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Dashboard critical", theirs, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"dashboard-intelligence\"", theirs, StringComparison.Ordinal);
    }
}
