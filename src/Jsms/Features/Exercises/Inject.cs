using Jsms.Platform.Audit;

namespace Jsms.Features.Exercises;

/// <summary>
/// One event of the master scenario events list: planned (or added unplanned during execution), then delivered,
/// the player action observed and assessed. It may carry a simulated event (a loitering contact at a position) that
/// <see cref="ExerciseReplay"/> plays on the exercise copy only.
/// </summary>
internal sealed class Inject : IAudited
{
    public Guid Id { get; set; }
    public Guid ExerciseId { get; set; }
    public int Number { get; set; }
    public DateTime PlannedAt { get; set; }
    public string Sender { get; set; } = "";
    public string Receiver { get; set; } = "";
    public string Method { get; set; } = "";
    public string Content { get; set; } = "";
    public string? ExpectedAction { get; set; }
    public string? ObjectiveCode { get; set; }
    public bool Unplanned { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? ObservedAction { get; set; }
    public ObjectiveResult? Assessment { get; set; }
    public Guid? MarkedByUserId { get; set; }

    /// <summary>What the simulated event is (only <c>loitering</c> for now); null when the inject carries none.</summary>
    public string? SimulatedKind { get; set; }
    public string? SimulatedLabel { get; set; }
    public double? SimulatedLatitude { get; set; }
    public double? SimulatedLongitude { get; set; }
    public int? SimulatedDwellMinutes { get; set; }
    /// <summary>The exercise alert the replay raised (once).</summary>
    public Guid? ReplayAlertId { get; set; }
}
