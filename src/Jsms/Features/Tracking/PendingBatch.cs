using System.Diagnostics;

namespace Jsms.Features.Tracking;

/// <summary>One request's validated observations; the storage fills in the ids; <see cref="Done"/> completes after the engine.</summary>
internal sealed class PendingBatch(IReadOnlyList<PositionToStore> positions, IReadOnlyList<SightingToStore> sightings, DateTime receivedAt)
{
    public IReadOnlyList<PositionToStore> Positions { get; } = positions;
    public IReadOnlyList<SightingToStore> Sightings { get; } = sightings;
    public DateTime ReceivedAt { get; } = receivedAt;
    public long[] PositionIds { get; } = new long[positions.Count];
    public long[] SightingIds { get; } = new long[sightings.Count];
    public int Count => Positions.Count + Sightings.Count;
    public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>Stopwatch timestamps of being queued and committed (the writer's timings).</summary>
    public long Queued { get; } = Stopwatch.GetTimestamp();
    public long Committed { get; set; }

    public List<Observation> Observations()
    {
        var list = new List<Observation>(Count);
        for (var i = 0; i < Positions.Count; i++)
        {
            var (device, fix) = Positions[i];
            list.Add(new Observation(device.EngineSubject, fix.Time, fix.Latitude, fix.Longitude, "position",
                PositionIds[i], device.UniqueId));
        }
        for (var i = 0; i < Sightings.Count; i++)
        {
            var s = Sightings[i];
            list.Add(new Observation(s.Subject, s.Time, s.Sensor.Latitude, s.Sensor.Longitude, "sighting", SightingIds[i], s.Sensor.Code));
        }
        return list;
    }
}
