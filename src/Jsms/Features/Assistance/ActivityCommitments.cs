namespace Jsms.Features.Assistance;

/// <summary>The consultation commitments an activity delivers on, stored as one JSON column.</summary>
internal sealed class ActivityCommitments : List<Guid>;
