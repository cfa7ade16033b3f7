using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Jsms.Features.Tracking;

/// <summary>
/// A deployment as the engine watches it: the consented area, the period the consent is valid (from its start until it
/// ends or was suspended or revoked, <see cref="ValidUntil"/>, and why it lapses then), the trackers of the deployed team, the
/// record its alerts are about (<see cref="Anchor"/>, the consent) and their audience.
/// </summary>
internal sealed class DeploymentWatch(Guid id, string label, MultiPolygon area, DateTime start, DateTime validUntil, string lapse,
    IEnumerable<string> trackers, IReleasable anchor, AlertAudience audience)
{
    private readonly IPreparedGeometry _area = PreparedGeometryFactory.Prepare(area);

    public Guid Id { get; } = id;
    public string Label { get; } = label;
    public DateTime Start { get; } = start;
    public DateTime ValidUntil { get; } = validUntil;
    /// <summary>Why it lapses at <see cref="ValidUntil"/>: "expired", "revoked", "suspended".</summary>
    public string Lapse { get; } = lapse;
    public IReadOnlySet<string> Trackers { get; } = trackers.ToHashSet(StringComparer.Ordinal);
    public IReleasable Anchor { get; } = anchor;
    public AlertAudience Audience { get; } = audience;

    public bool Covers(double latitude, double longitude) => _area.Covers(new Point(longitude, latitude) { SRID = 4326 });
}
