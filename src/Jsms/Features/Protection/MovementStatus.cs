namespace Jsms.Features.Protection;

internal enum MovementStatus { Planned, UnderWay, Arrived, Overdue, Aborted }
