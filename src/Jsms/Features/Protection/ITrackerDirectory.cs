using Jsms.Platform.Access;

namespace Jsms.Features.Protection;

/// <summary>
/// The trackers a movement may name as its vehicles and escort, by unique id. Tracking keeps them and depends on
/// Protection (sites, movements), so Protection asks through this and Tracking answers it (<c>AddTracking</c>).
/// </summary>
internal interface ITrackerDirectory
{
    /// <summary>The positions (<c>field[i]</c>) of the unique ids that name no tracker the caller may read; blanks are skipped.</summary>
    Task<List<string>> MissingAsync(Caller caller, string field, IReadOnlyList<string> uniqueIds, CancellationToken cancellationToken = default);

    /// <summary>Those of <paramref name="uniqueIds"/> that name a tracker the caller may read.</summary>
    Task<HashSet<string>> ReadableAmongAsync(Caller caller, IReadOnlyCollection<string> uniqueIds, CancellationToken cancellationToken = default);

    /// <summary>The unique ids of the trackers the caller may read, for choosing.</summary>
    Task<List<string>> ReadableUniqueIdsAsync(Caller caller, CancellationToken cancellationToken = default);
}
