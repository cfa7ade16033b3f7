namespace Jsms.Features.Exercises;

internal sealed record ImprovementRequest(string? ObjectiveCode, string? CorrectiveAction, string? OwnerAgency, string? DueOn);
