using Jsms.Features.Access;
using Jsms.Features.Accounts;
using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// Clock-driven checks of movements under way, run by the tracking timer:
/// <list type="bullet">
/// <item><c>movement.overdue</c> (High): the arrival window closed and the movement has not arrived; its status
/// becomes Overdue (which also makes the alert exactly-once).</item>
/// <item><c>tracker.silent</c> (Medium): a vehicle or escort tracker of the movement has sent nothing for
/// <see cref="TrackingOptions.SilentTrackerMinutes"/>; once per silence (a new position re-arms it).</item>
/// </list>
/// The alerts are as need-to-know as the movement: owned by its agency at TLP:RED, for the movement's named
/// list and the owner agency's coordinators (as named recipients). They are raised at the moment the deadline
/// passed, not when the check ran.
/// </summary>
public sealed class MovementMonitor(IServiceScopeFactory scopes, AlertBroadcaster broadcaster, TrackingCounters counters,
    IOptions<TrackingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<List<Guid>> CheckAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Task<List<Guid>> work;
            using (ExecutionContext.SuppressFlow())
            {
                // The system raises these, not whichever request happens to be running.
                work = Task.Run(() => CheckCoreAsync(now, cancellationToken), cancellationToken);
            }
            var ids = await work;
            broadcaster.Publish(ids);
            return ids;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<List<Guid>> CheckCoreAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var active = await db.Set<Movement>()
            .Where(m => m.Status == MovementStatus.UnderWay || m.Status == MovementStatus.Overdue)
            .ToListAsync(cancellationToken);
        var alerts = new List<Alert>();
        var silence = TimeSpan.FromMinutes(options.Value.SilentTrackerMinutes);
        foreach (var movement in active)
        {
            if (movement.Status == MovementStatus.UnderWay && movement.ArriveLatest is { } latest && latest < now)
            {
                movement.Status = MovementStatus.Overdue;
                alerts.Add(NewAlert(movement, "movement.overdue", AlertSeverity.High, $"Movement overdue: {movement.Name}",
                    $"The arrival window closed at {latest:u} and the movement has not arrived.", null, latest));
            }
            var trackers = System.Text.Json.JsonSerializer.Deserialize<List<string>>(movement.VehiclesJson)!
                .Concat(System.Text.Json.JsonSerializer.Deserialize<List<string>>(movement.EscortJson)!).Distinct().ToList();
            var devices = await db.Set<Device>().AsNoTracking().Where(d => trackers.Contains(d.UniqueId))
                .Select(d => new { d.Id, d.UniqueId, Last = db.Set<Position>().Where(p => p.DeviceId == d.Id).Max(p => (DateTime?)p.Time) })
                .ToListAsync(cancellationToken);
            foreach (var device in devices)
            {
                if (device.Last is not { } last || last + silence >= now)
                {
                    continue;
                }
                var label = device.UniqueId;
                var movementId = movement.Id;
                var already = await db.Set<Alert>().AnyAsync(a => a.Kind == "tracker.silent" && a.SubjectId == movementId
                    && a.SubjectLabel == label && a.RaisedAt > last, cancellationToken);
                if (!already)
                {
                    alerts.Add(NewAlert(movement, "tracker.silent", AlertSeverity.Medium, $"Tracker silent: {label} ({movement.Name})",
                        $"Tracker {label} of movement {movement.Name} has sent no position since {last:u}.", label, last + silence));
                }
            }
        }
        if (alerts.Count == 0)
        {
            return [];
        }
        // The movement's audience: its named list, and the owner agency's coordinators.
        var movementIds = alerts.Select(a => a.SubjectId!.Value).Distinct().ToList();
        var named = (await db.Set<NamedRecipient>().AsNoTracking().Where(n => movementIds.Contains(n.RecordId)).ToListAsync(cancellationToken))
            .ToLookup(n => n.RecordId, n => n.UserId);
        var coordinators = await CoordinatorsAsync(db, alerts.Select(a => a.OwnerAgencyId).Distinct().ToList(), cancellationToken);
        foreach (var alert in alerts)
        {
            db.Add(alert);
            foreach (var user in named[alert.SubjectId!.Value].Concat(coordinators[alert.OwnerAgencyId]).Distinct())
            {
                db.Add(new NamedRecipient { RecordId = alert.Id, UserId = user });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        counters.AddAlerts(alerts.Count);
        return alerts.Select(a => a.Id).ToList();
    }

    /// <summary>The coordinators of each of these agencies (the "owner's coordinators" of a need-to-know record).</summary>
    internal static async Task<ILookup<Guid, Guid>> CoordinatorsAsync(JsmsDbContext db, List<Guid> agencies, CancellationToken cancellationToken)
        => (await (from u in db.Users
                   join ur in db.UserRoles on u.Id equals ur.UserId
                   join r in db.Roles on ur.RoleId equals r.Id
                   where r.Name == JsmsRoles.Coordinator && agencies.Contains(u.AgencyId)
                   select new { u.Id, u.AgencyId }).ToListAsync(cancellationToken)).ToLookup(u => u.AgencyId, u => u.Id);

    private static Alert NewAlert(Movement movement, string kind, AlertSeverity severity, string title, string detail, string? label, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        Severity = severity,
        Title = title.Length > 300 ? title[..300] : title,
        Detail = detail,
        SubjectType = "movement",
        SubjectId = movement.Id,
        SubjectLabel = label,
        RaisedAt = at,
        Status = AlertStatus.Open,
        OwnerAgencyId = movement.OwnerAgencyId,
        Tlp = Tlp.Red,
        CreatedByUserId = movement.CreatedByUserId,
    };
}
