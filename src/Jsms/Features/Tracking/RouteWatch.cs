using Jsms.Features.Protection;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Tracking;

/// <summary>
/// A movement under way as the engine watches it: its planned route and corridor (metres either side; no route, no
/// deviation check), its trackers, and which of them are the principals' vehicles and which the escort (for
/// <c>escort.separated</c>, off when <see cref="EscortMetres"/> is 0).
/// </summary>
internal sealed class RouteWatch
{
    public RouteWatch(Guid id, string name, LineString? route, double corridorMetres, IEnumerable<string> trackers, Guid ownerAgencyId, Guid createdByUserId)
    {
        Id = id;
        Name = name;
        CorridorMetres = corridorMetres;
        Trackers = trackers.ToHashSet(StringComparer.Ordinal);
        OwnerAgencyId = ownerAgencyId;
        CreatedByUserId = createdByUserId;
        if (route is not null)
        {
            var centre = route.EnvelopeInternal.Centre;
            _projection = new LocalProjection(centre.Y, centre.X);
            _route = _projection.Project(route);
        }
    }

    private readonly LocalProjection? _projection;
    private readonly Geometry? _route;

    public Guid Id { get; }
    public string Name { get; }
    public double CorridorMetres { get; }
    public IReadOnlySet<string> Trackers { get; }
    public Guid OwnerAgencyId { get; }
    public Guid CreatedByUserId { get; }

    public bool HasRoute => _route is not null;

    /// <summary>The trackers of the principals' vehicles.</summary>
    public IReadOnlySet<string> Vehicles { get; init; } = new HashSet<string>();

    /// <summary>The escort's trackers.</summary>
    public IReadOnlySet<string> Escort { get; init; } = new HashSet<string>();

    /// <summary>A principal's vehicle further than this from every escort tracker is separated (0: not watched).</summary>
    public double EscortMetres { get; init; }

    /// <summary>Consecutive moving fixes of the principal's vehicle separated before <c>escort.separated</c>.</summary>
    public int EscortFixes { get; init; } = 3;

    /// <summary>Or separated (while moving) for this long, whichever comes first.</summary>
    public TimeSpan EscortTime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Below this speed (from consecutive fixes) a vehicle is stopped and separation is not counted.</summary>
    public double MovingMetresPerSecond { get; init; } = 2;

    /// <summary>Distance in metres from the planned route (0 without a route).</summary>
    public double DistanceMetres(double latitude, double longitude)
        => _route is null ? 0 : _route.Distance(new Point(_projection!.Project(latitude, longitude)));
}
