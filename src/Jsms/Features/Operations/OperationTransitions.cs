namespace Jsms.Features.Operations;

/// <summary>
/// The one place that says which status a joint operation may move to from which: planned → approved → under way →
/// completed, and cancelled from any status not yet closed. Approving and starting also need a covering consent
/// (<see cref="ConsentCoverage"/>): those two steps put the partner's people on the host's ground.
/// </summary>
internal static class OperationTransitions
{
    private static readonly Dictionary<JointOperationStatus, JointOperationStatus[]> Allowed = new()
    {
        [JointOperationStatus.Planned] = [JointOperationStatus.Approved, JointOperationStatus.Cancelled],
        [JointOperationStatus.Approved] = [JointOperationStatus.UnderWay, JointOperationStatus.Cancelled],
        [JointOperationStatus.UnderWay] = [JointOperationStatus.Completed, JointOperationStatus.Cancelled],
        [JointOperationStatus.Completed] = [],
        [JointOperationStatus.Cancelled] = [],
    };

    public static bool CanMove(JointOperationStatus from, JointOperationStatus to) => Allowed[from].Contains(to);

    /// <summary>The steps that need the consent to cover the operation at the moment they are taken.</summary>
    public static bool NeedsConsent(JointOperationStatus to) => to is JointOperationStatus.Approved or JointOperationStatus.UnderWay;

    /// <summary>Only the host authorities approve an operation on their territory.</summary>
    public static bool IsHostStep(JointOperationStatus to) => to == JointOperationStatus.Approved;

    /// <summary>Statuses in which the operation's vehicles are watched against its consent.</summary>
    public static bool IsLive(JointOperationStatus status) => status is JointOperationStatus.Approved or JointOperationStatus.UnderWay;

    public static IReadOnlyList<JointOperationStatus> Next(JointOperationStatus from) => Allowed[from];
}
