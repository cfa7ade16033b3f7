using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// Clock-driven checks of movements under way, run by the tracking timer:
/// <list type="bullet">
/// <item><c>movement.overdue</c> (High): the arrival window closed and the movement has not arrived; its status
/// becomes Overdue (which also makes the alert exactly-once).</item>
/// <item><c>checkpoint.missed</c> (High): a vehicle or escort tracker of the movement was not within
/// <see cref="MovementWatchOptions.CheckpointRadiusMetres"/> of a checkpoint by its expected time plus
/// <see cref="MovementWatchOptions.CheckpointGraceMinutes"/>; once per tracker and checkpoint.</item>
/// <item><c>tracker.silent</c> (Medium): a vehicle or escort tracker of the movement has sent nothing for
/// <see cref="TrackingOptions.SilentTrackerMinutes"/>; once per silence (a new position re-arms it).</item>
/// </list>
/// The alerts are as need-to-know as the movement: owned by its agency at TLP:RED, for the movement's named
/// list and the owner agency's coordinators (as named recipients). They are raised at the moment the deadline
/// passed, not when the check ran.
/// </summary>
internal sealed class MovementMonitor(IServiceScopeFactory scopes, AlertBroadcaster broadcaster, TrackingCounters counters, IngestWriter writer,
    WriteTurns turns, IOptions<TrackingOptions> options, IOptions<MovementWatchOptions> watch) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Checkpoints found reached (movement, tracker, deadline, name): positions are indexed by time, not by device, so the
    // search is a time-range scan; it is run once per reached checkpoint rather than at every check. Serialised by the gate.
    private readonly HashSet<(Guid Movement, string Tracker, DateTime Deadline, string Checkpoint)> _reached = [];

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
        var alerts = new List<(AlertDraft Draft, Movement Movement, Device? Tracker)>();
        var silence = TimeSpan.FromMinutes(options.Value.SilentTrackerMinutes);
        var activeIds = active.Select(m => m.Id).ToHashSet();
        _reached.RemoveWhere(r => !activeIds.Contains(r.Movement));
        foreach (var movement in active)
        {
            if (movement.Status == MovementStatus.UnderWay && movement.ArriveLatest is { } latest && latest < now)
            {
                movement.Status = MovementStatus.Overdue;
                alerts.Add((Draft(movement, "movement.overdue", AlertSeverity.High, $"Movement overdue: {movement.Name}",
                    $"The arrival window closed at {latest:u} and the movement has not arrived.", null, latest), movement, null));
            }
            var trackers = System.Text.Json.JsonSerializer.Deserialize<List<string>>(movement.VehiclesJson)!
                .Concat(System.Text.Json.JsonSerializer.Deserialize<List<string>>(movement.EscortJson)!).Distinct().ToList();
            var trackerIds = await db.Set<Device>().Where(d => trackers.Contains(d.UniqueId)).Select(d => d.Id).ToListAsync(cancellationToken);
            // Held back by the writer first, then the table (a position is in one or the other).
            var heldBack = writer.HeldBackLastPositions(trackerIds);
            var devices = (await db.Set<Device>().AsNoTracking().Where(d => trackerIds.Contains(d.Id))
                .Select(d => new { Device = d, Last = db.Set<DeviceLastPosition>().Where(l => l.DeviceId == d.Id).Select(l => (DateTime?)l.Time).FirstOrDefault() })
                .ToListAsync(cancellationToken))
                .Select(d => new { d.Device, d.Device.UniqueId, Last = heldBack.TryGetValue(d.Device.Id, out var held) && (d.Last is null || held.Time > d.Last) ? held.Time : d.Last })
                .ToList();
            foreach (var device in devices)
            {
                alerts.AddRange((await MissedCheckpointsAsync(db, movement, device.Device.Id, device.UniqueId, now, cancellationToken))
                    .Select(draft => (draft, movement, (Device?)device.Device)));
            }
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
                    alerts.Add((Draft(movement, "tracker.silent", AlertSeverity.Medium, $"Tracker silent: {label} ({movement.Name})",
                        $"Tracker {label} of movement {movement.Name} has sent no position since {last:u}.", label, last + silence), movement, device.Device));
                }
            }
        }
        if (alerts.Count == 0)
        {
            return [];
        }
        var audiences = await AudienceOfAsync(db, [.. alerts.Select(a => a.Movement).DistinctBy(m => m.Id)], cancellationToken);
        var ids = new List<Guid>();
        foreach (var (draft, movement, tracker) in alerts)
        {
            AlertInput[] inputs = tracker is null ? [new(movement, "movement")] : [new(movement, "movement"), new(tracker, "device")];
            ids.Add(db.Raise(draft, audiences[movement.Id], inputs).Id);
        }
        using (await turns.TakeAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        counters.AddAlerts(ids.Count);
        return ids;
    }

    /// <summary>
    /// The audience of alerts about these movements, as need-to-know as the movement: owned by its agency at TLP:RED, for
    /// the movement's named list and the owner agency's coordinators (as named recipients).
    /// </summary>
    internal static async Task<Dictionary<Guid, AlertAudience>> AudienceOfAsync(JsmsDbContext db, IReadOnlyCollection<Movement> movements,
        CancellationToken cancellationToken)
    {
        var movementIds = movements.Select(m => m.Id).ToList();
        var named = (await db.Set<NamedRecipient>().AsNoTracking().Where(n => movementIds.Contains(n.RecordId)).ToListAsync(cancellationToken))
            .ToLookup(n => n.RecordId, n => n.UserId);
        var coordinators = await CoordinatorsAsync(db, movements.Select(m => m.OwnerAgencyId).Distinct().ToList(), cancellationToken);
        return movements.ToDictionary(m => m.Id, m => new AlertAudience(m.OwnerAgencyId, Tlp.Red, m.CreatedByUserId, [],
            [.. named[m.Id].Concat(coordinators[m.OwnerAgencyId]).Distinct()]));
    }

    /// <summary>
    /// The checkpoints whose deadline (expected time + grace) has passed with no position of this tracker within the
    /// radius between the movement's earliest departure (or 12 hours before) and the deadline, not yet alerted.
    /// </summary>
    private async Task<List<AlertDraft>> MissedCheckpointsAsync(JsmsDbContext db, Movement movement, Guid deviceId, string tracker, DateTime now,
        CancellationToken cancellationToken)
    {
        var alerts = new List<AlertDraft>();
        var settings = watch.Value;
        var checkpoints = System.Text.Json.JsonSerializer.Deserialize<List<CheckpointDto>>(movement.CheckpointsJson, CaseInsensitive) ?? [];
        foreach (var c in checkpoints)
        {
            if (c is not { ExpectedAt: { } expected, Latitude: { } lat, Longitude: { } lon })
            {
                continue;
            }
            var deadline = DateTime.SpecifyKind(expected.ToUniversalTime(), DateTimeKind.Utc).AddMinutes(settings.CheckpointGraceMinutes);
            if (deadline >= now)
            {
                continue;
            }
            var title = $"Checkpoint missed: {c.Name} ({tracker}, {movement.Name})";
            title = title.Length > 300 ? title[..300] : title;
            var movementId = movement.Id;
            if (await db.Set<Alert>().AnyAsync(a => a.Kind == "checkpoint.missed" && a.SubjectId == movementId && a.SubjectLabel == tracker
                && a.RaisedAt == deadline && a.Title == title, cancellationToken))
            {
                continue;
            }
            var reachedKey = (movement.Id, tracker, deadline, c.Name ?? "");
            if (_reached.Contains(reachedKey))
            {
                continue;
            }
            var from = movement.DepartEarliest ?? deadline.AddHours(-12);
            var radius = settings.CheckpointRadiusMetres;
            // A box in degrees narrows the query; the exact distance is checked here.
            var dLat = radius / 111_000.0 * 1.01;
            var dLon = dLat / Math.Max(0.01, Math.Cos(lat * Math.PI / 180));
            var near = await db.Set<Position>().AsNoTracking()
                .Where(p => p.DeviceId == deviceId && p.Time >= from && p.Time <= deadline
                    && p.Latitude >= lat - dLat && p.Latitude <= lat + dLat && p.Longitude >= lon - dLon && p.Longitude <= lon + dLon)
                .Select(p => new { p.Latitude, p.Longitude }).ToListAsync(cancellationToken);
            if (near.Any(p => Geo.HaversineMetres(p.Latitude, p.Longitude, lat, lon) <= radius))
            {
                _reached.Add(reachedKey);
                continue;
            }
            alerts.Add(Draft(movement, "checkpoint.missed", AlertSeverity.High, title,
                $"Tracker {tracker} of movement {movement.Name} was not within {radius:0} m of checkpoint {c.Name} by {deadline:u} "
                + $"(expected {expected:u} + {settings.CheckpointGraceMinutes:0} minutes' grace).", tracker, deadline) with { Latitude = lat, Longitude = lon });
        }
        return alerts;
    }

    private static readonly System.Text.Json.JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// What the engine watches of the movements under way (or overdue): route and corridor, trackers, the principals'
    /// vehicles and the escort with the separation settings. Called by the pipeline whenever sites or movements change.
    /// </summary>
    internal static async Task<List<RouteWatch>> WatchesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<JsmsDbContext>();
        var settings = services.GetRequiredService<IOptions<MovementWatchOptions>>().Value;
        var movements = await db.Set<Movement>().AsNoTracking()
            .Where(m => m.Status == MovementStatus.UnderWay || m.Status == MovementStatus.Overdue)
            .ToListAsync(cancellationToken);
        var watches = new List<RouteWatch>();
        foreach (var m in movements)
        {
            var line = m.Route;
            var vehicles = System.Text.Json.JsonSerializer.Deserialize<List<string>>(m.VehiclesJson)!;
            var escort = System.Text.Json.JsonSerializer.Deserialize<List<string>>(m.EscortJson)!;
            if (line is null && (escort.Count == 0 || vehicles.Count == 0))
            {
                continue;
            }
            watches.Add(new RouteWatch(m.Id, m.Name, line, m.CorridorMetres, vehicles.Concat(escort), m.OwnerAgencyId, m.CreatedByUserId)
            {
                Vehicles = vehicles.ToHashSet(StringComparer.Ordinal),
                Escort = escort.ToHashSet(StringComparer.Ordinal),
                EscortMetres = settings.EscortSeparationMetres,
                EscortFixes = Math.Max(1, settings.EscortSeparationFixes),
                EscortTime = TimeSpan.FromSeconds(Math.Max(0, settings.EscortSeparationSeconds)),
                MovingMetresPerSecond = settings.MovingMetresPerSecond,
            });
        }
        return watches;
    }

    /// <summary>The coordinators of each of these agencies (the "owner's coordinators" of a need-to-know record).</summary>
    internal static async Task<ILookup<Guid, Guid>> CoordinatorsAsync(JsmsDbContext db, List<Guid> agencies, CancellationToken cancellationToken)
        => (await (from u in db.Users
                   join ur in db.UserRoles on u.Id equals ur.UserId
                   join r in db.Roles on ur.RoleId equals r.Id
                   where r.Name == JsmsRoles.Coordinator && agencies.Contains(u.AgencyId)
                   select new { u.Id, u.AgencyId }).ToListAsync(cancellationToken)).ToLookup(u => u.AgencyId, u => u.Id);

    private static AlertDraft Draft(Movement movement, string kind, AlertSeverity severity, string title, string detail, string? label, DateTime at)
        => new(kind, severity, title, at) { Detail = detail, SubjectType = "movement", SubjectId = movement.Id, SubjectLabel = label };
}
