using System.Diagnostics;

namespace Jsms.Features.Tracking;

/// <summary>
/// Each device's latest stored position (by event time, then id) not yet written to <see cref="DeviceLastPosition"/>.
/// The writer upserts them at most once a second instead of with every group: the upserts touched a row per reporting
/// device per commit and cost as much as storing the positions. Only committed groups enter it; readers of last positions
/// look here first, then at the table, so what was acknowledged is shown at once.
/// </summary>
internal sealed class LastPositionBuffer
{
    /// <summary>Longest time a device's last position is held back.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // Written by the writer's loop only; read by requests (Find), hence the lock.
    private readonly Dictionary<Guid, (long Id, DateTime Time)> _pending = [];
    private readonly Lock _lock = new();
    private long _flushedAt = Stopwatch.GetTimestamp();

    public bool IsEmpty => _pending.Count == 0;

    /// <summary>The held-back last positions of these devices (committed positions not yet written to the table).</summary>
    public Dictionary<Guid, (long Id, DateTime Time)> Find(IEnumerable<Guid> deviceIds)
    {
        var found = new Dictionary<Guid, (long Id, DateTime Time)>();
        lock (_lock)
        {
            if (_pending.Count > 0)
            {
                foreach (var id in deviceIds)
                {
                    if (_pending.TryGetValue(id, out var last))
                    {
                        found[id] = last;
                    }
                }
            }
        }
        return found;
    }

    public bool Due => Stopwatch.GetElapsedTime(_flushedAt) >= Interval;

    /// <summary>What to write if this group commits: the pending positions merged with the group's (whose ids are filled in).</summary>
    public Dictionary<Guid, (long Id, DateTime Time)> With(IReadOnlyList<PendingBatch> group)
    {
        Dictionary<Guid, (long Id, DateTime Time)> merged;
        lock (_lock)
        {
            merged = new Dictionary<Guid, (long Id, DateTime Time)>(_pending);
        }
        Merge(merged, group);
        return merged;
    }

    /// <summary>The group committed: its positions were written (flushed) or wait for the next flush.</summary>
    public void Committed(IReadOnlyList<PendingBatch> group, bool flushed)
    {
        lock (_lock)
        {
            if (flushed)
            {
                _pending.Clear();
                _flushedAt = Stopwatch.GetTimestamp();
            }
            else
            {
                Merge(_pending, group);
            }
        }
    }

    /// <summary>The order of last positions, as the table's upsert has it: later in event time, then the later stored.</summary>
    public static bool IsLater((long Id, DateTime Time) position, (long Id, DateTime Time) than)
        => position.Time > than.Time || (position.Time == than.Time && position.Id > than.Id);

    private static void Merge(Dictionary<Guid, (long Id, DateTime Time)> latest, IReadOnlyList<PendingBatch> group)
    {
        foreach (var batch in group)
        {
            for (var i = 0; i < batch.Positions.Count; i++)
            {
                var (device, fix) = batch.Positions[i];
                var id = batch.PositionIds[i];
                if (!latest.TryGetValue(device.Id, out var last) || IsLater((id, fix.Time), last))
                {
                    latest[device.Id] = (id, fix.Time);
                }
            }
        }
    }
}
