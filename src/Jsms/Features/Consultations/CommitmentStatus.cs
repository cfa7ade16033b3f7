namespace Jsms.Features.Consultations;

internal enum CommitmentStatus { Planned, InProgress, Done, Blocked, Cancelled }
