using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Tracking;

/// <summary>Answers Protection's questions about trackers through the access policy (<see cref="ITrackerDirectory"/>).</summary>
internal sealed class TrackerDirectory(JsmsDbContext db) : ITrackerDirectory
{
    public Task<List<string>> MissingAsync(Caller caller, string field, IReadOnlyList<string> uniqueIds, CancellationToken cancellationToken = default)
        => db.MissingAsync<Device, string>(caller, field, d => d.UniqueId, uniqueIds, v => v.Length > 0, cancellationToken);

    public async Task<HashSet<string>> ReadableAmongAsync(Caller caller, IReadOnlyCollection<string> uniqueIds, CancellationToken cancellationToken = default)
        => uniqueIds.Count == 0 ? [] : (await db.Readable<Device>(caller).AsNoTracking().Where(d => uniqueIds.Contains(d.UniqueId))
            .Select(d => d.UniqueId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public Task<List<string>> ReadableUniqueIdsAsync(Caller caller, CancellationToken cancellationToken = default)
        => db.Readable<Device>(caller).AsNoTracking().OrderBy(d => d.UniqueId).Select(d => d.UniqueId).ToListAsync(cancellationToken);
}
