namespace Jsms.Features.Exercises;

/// <summary>What an exercise replay of an inject did: the exercise alert it raised, or why it raised none.</summary>
internal sealed record ReplayResultDto(Guid InjectId, bool AlertRaised, Guid? AlertId, string Reason);
