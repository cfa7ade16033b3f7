namespace Jsms.Features.Exercises;

internal sealed record ImprovementDto(Guid Id, string? ObjectiveCode, string CorrectiveAction, string OwnerAgency, DateOnly DueOn,
    ImprovementStatus Status, bool Overdue, Guid? LessonId);
