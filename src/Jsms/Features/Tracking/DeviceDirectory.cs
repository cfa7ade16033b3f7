using System.Collections.Concurrent;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Tracking;

/// <summary>
/// The devices of this node by unique id, kept in memory for ingest (a batch of 1,000 positions would otherwise read
/// 1,000 device rows through the access policy per request). Visibility stays the access policy's decision: the ids a
/// caller may read are asked of the database once through <see cref="AccessPolicy.Readable{T}"/> and kept per
/// (user, agency, GREEN community, coordinator) until a device, or the marking of one, changes (any EF save touching
/// them moves <see cref="DeviceChanges"/>). Ids not in memory fall back to the same query as before (devices added by
/// other means), so a cached answer can never be more permissive than the policy at the last change.
/// </summary>
internal sealed class DeviceDirectory : IDisposable
{
    private sealed record Snapshot(long Version, Dictionary<string, Device> ByUniqueId, ConcurrentDictionary<string, HashSet<Guid>> Readable);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public void Dispose() => _loading.Dispose();

    /// <summary>The device with this unique id, whoever may read it (the anonymous OsmAnd protocol: the id is the credential).</summary>
    public async Task<Device?> FindAsync(JsmsDbContext db, string uniqueId, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(db, cancellationToken);
        return snapshot.ByUniqueId.TryGetValue(uniqueId, out var device)
            ? device
            : await db.Set<Device>().AsNoTracking().FirstOrDefaultAsync(d => d.UniqueId == uniqueId, cancellationToken);
    }

    /// <summary>The devices with these unique ids that the caller may read, by unique id.</summary>
    public async Task<Dictionary<string, Device>> ReadableAsync(JsmsDbContext db, Caller caller, IReadOnlyCollection<string> uniqueIds,
        CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(db, cancellationToken);
        var key = CallerKey(caller);
        if (!snapshot.Readable.TryGetValue(key, out var readable))
        {
            readable = (await db.Readable<Device>(caller).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
            snapshot.Readable.TryAdd(key, readable);
        }
        var known = new Dictionary<string, Device>(uniqueIds.Count, StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var id in uniqueIds)
        {
            if (!snapshot.ByUniqueId.TryGetValue(id, out var device))
            {
                (missing ??= []).Add(id);
            }
            else if (readable.Contains(device.Id))
            {
                known[id] = device;
            }
        }
        if (missing is not null)
        {
            foreach (var device in await db.Readable<Device>(caller).AsNoTracking().Where(d => missing.Contains(d.UniqueId)).ToListAsync(cancellationToken))
            {
                known[device.UniqueId] = device;
            }
        }
        return known;
    }

    // Everything the read rule depends on (AccessPolicy.CanRead): user, agency, GREEN community, coordinator role.
    private static string CallerKey(Caller caller)
        => $"{caller.UserId:N}|{caller.AgencyId:N}|{caller.IsInRole(Jsms.Platform.Identity.JsmsRoles.Coordinator)}|{string.Join(',', caller.GreenCommunityOwnerIds.Order())}";

    private async Task<Snapshot> CurrentAsync(JsmsDbContext db, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Version == DeviceChanges.Version)
        {
            return snapshot;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            // Read the version before the rows: a change committed during the load moves it and forces the next reload.
            var version = DeviceChanges.Version;
            if (_snapshot is { } current && current.Version == version)
            {
                return current;
            }
            var devices = await db.Set<Device>().AsNoTracking().ToListAsync(cancellationToken);
            var loaded = new Snapshot(version, devices.ToDictionary(d => d.UniqueId, StringComparer.Ordinal), new());
            _snapshot = loaded;
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }
}
