namespace Jsms.Features.Tracking;

/// <summary>Movement detections (<c>Jsms:Tracking</c> section, beside <see cref="TrackingOptions"/>).</summary>
internal sealed class MovementWatchOptions
{
    /// <summary>A tracker within this many metres of a checkpoint has passed it.</summary>
    public double CheckpointRadiusMetres { get; set; } = 300;

    /// <summary>Minutes after a checkpoint's expected time before <c>checkpoint.missed</c>.</summary>
    public double CheckpointGraceMinutes { get; set; } = 10;

    /// <summary>A principal's vehicle further than this from every escort tracker is separated (0 turns the check off).</summary>
    public double EscortSeparationMetres { get; set; } = 500;

    /// <summary>Consecutive moving fixes of the vehicle, separated, before <c>escort.separated</c>.</summary>
    public int EscortSeparationFixes { get; set; } = 3;

    /// <summary>Or separated while moving for this many seconds, whichever comes first.</summary>
    public double EscortSeparationSeconds { get; set; } = 120;

    /// <summary>Below this speed (from consecutive fixes) a vehicle is stopped: separation is not counted.</summary>
    public double MovingMetresPerSecond { get; set; } = 2;

    /// <summary>At start-up, rebuild open stays from the stored observations of the last threshold + gap.</summary>
    public bool RestoreOnStart { get; set; } = true;
}
