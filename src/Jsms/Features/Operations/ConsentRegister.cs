using System.Text.Json;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>
/// The consent register of a state for its map (<c>GET /api/operations/register?state=XX</c>): readable consents with their
/// areas, teams and live operations, and the last position of each tracker the caller may read.
/// </summary>
internal sealed class ConsentRegister(JsmsDbContext db, IngestWriter writer, TimeProvider clock)
{
    /// <summary>Lapsed consents stay on the register this long, so a team that stayed on is still seen beside its area.</summary>
    public static readonly TimeSpan RecentlyLapsed = TimeSpan.FromDays(7);

    public async Task<ConsentRegisterDto?> ForStateAsync(Caller caller, string state)
    {
        var iso = state.Trim().ToUpperInvariant();
        var stateId = await db.Set<State>().Where(s => s.IsoCode == iso).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
        if (stateId is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - RecentlyLapsed;
        var consents = (await db.Readable<Consent>(caller).AsNoTracking()
                .Where(c => c.HostStateId == stateId && c.Status != ConsentStatus.Superseded && c.EffectiveEnd > since)
                .OrderBy(c => c.EffectiveStart).Take(200).ToListAsync())
            .Where(c => ConsentsService.StatusAt(c, now) is ConsentStatus.Active or ConsentStatus.Suspended || (c.StatusChangedAt ?? c.EffectiveEnd) > since)
            .ToList();
        var consentIds = consents.Select(c => c.Id).ToList();
        var live = new[] { JointOperationStatus.Approved, JointOperationStatus.UnderWay };
        var operations = await db.Readable<JointOperation>(caller).AsNoTracking().Where(o => consentIds.Contains(o.ConsentId) && live.Contains(o.Status))
            .ToListAsync();
        var names = await OperationNames.LoadAsync(db, consents.Select(c => c.RequestingAgencyId).Concat(operations.Select(o => o.OwnerAgencyId)), [stateId.Value]);
        var trackers = consents.ToDictionary(c => c.Id, c => c.Vehicles.Where(v => !string.IsNullOrWhiteSpace(v.DeviceId)).Select(v => (Device: v.DeviceId!, v.Callsign))
            .Concat(operations.Where(o => o.ConsentId == c.Id).SelectMany(o => o.Vehicles).Where(v => v.DeviceId != null).Select(v => (Device: v.DeviceId!, v.Callsign)))
            .DistinctBy(t => t.Device).ToList());
        var positions = await LastPositionsAsync(caller, [.. trackers.Values.SelectMany(t => t).Select(t => t.Device).Distinct()]);
        var entries = consents.Select(c => new RegisterEntryDto(c.Id, names.Agency(c.RequestingAgencyId), c.Kind.ToString(), c.Purpose,
            ConsentsService.StatusAt(c, now).ToString(), c.EffectiveStart, c.EffectiveEnd, [.. c.Personnel.Select(p => p.Name)],
            [.. trackers[c.Id].Select(t => positions.TryGetValue(t.Device, out var p)
                ? new RegisterTrackerDto(t.Device, t.Callsign, p.Time, p.Latitude, p.Longitude, c.EffectiveArea.Covers(Geo.Point(p.Latitude, p.Longitude)))
                : new RegisterTrackerDto(t.Device, t.Callsign, null, null, null, null))],
            [.. operations.Where(o => o.ConsentId == c.Id).Select(o => new JointOperationSummaryDto(o.Id, o.Name, iso, names.Agency(o.OwnerAgencyId),
                o.Status.ToString(), o.PeriodStart, o.PeriodEnd, o.ConsentId))])).ToList();
        var areas = JsonSerializer.SerializeToElement(new
        {
            type = "FeatureCollection",
            features = consents.Select(c => new
            {
                type = "Feature",
                geometry = Geo.ToJson(c.EffectiveArea),
                properties = new { consentId = c.Id, status = ConsentsService.StatusAt(c, now).ToString(), requestingAgency = names.Agency(c.RequestingAgencyId), kind = c.Kind.ToString() },
            }),
        });
        return new ConsentRegisterDto(iso, now, entries, areas);
    }

    /// <summary>The last positions of the devices (by unique id) the caller may read: held back by the writer first, then the table.</summary>
    private async Task<Dictionary<string, (DateTime Time, double Latitude, double Longitude)>> LastPositionsAsync(Caller caller, List<string> uniqueIds)
    {
        if (uniqueIds.Count == 0)
        {
            return [];
        }
        var devices = await db.Readable<Device>(caller).AsNoTracking().Where(d => uniqueIds.Contains(d.UniqueId)).Select(d => new { d.Id, d.UniqueId }).ToListAsync();
        var ids = devices.Select(d => d.Id).ToList();
        var recorded = await db.Set<DeviceLastPosition>().AsNoTracking().Where(l => ids.Contains(l.DeviceId))
            .ToDictionaryAsync(l => l.DeviceId, l => (l.PositionId, l.Time));
        foreach (var (deviceId, held) in writer.HeldBackLastPositions(ids))
        {
            if (!recorded.TryGetValue(deviceId, out var r) || LastPositionBuffer.IsLater(held, r))
            {
                recorded[deviceId] = held;
            }
        }
        var positionIds = recorded.Values.Select(v => v.PositionId).ToList();
        var positions = await db.Set<Position>().AsNoTracking().Where(p => positionIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        return devices.Where(d => recorded.TryGetValue(d.Id, out var r) && positions.ContainsKey(r.PositionId))
            .ToDictionary(d => d.UniqueId, d => positions[recorded[d.Id].PositionId] is var p ? (p.Time, p.Latitude, p.Longitude) : default, StringComparer.Ordinal);
    }
}
