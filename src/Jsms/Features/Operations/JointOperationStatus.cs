namespace Jsms.Features.Operations;

/// <summary>The life of a joint operation; the allowed steps between them are <see cref="OperationTransitions"/>'.</summary>
internal enum JointOperationStatus { Planned, Approved, UnderWay, Completed, Cancelled }
