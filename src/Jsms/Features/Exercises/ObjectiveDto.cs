namespace Jsms.Features.Exercises;

internal sealed record ObjectiveDto(Guid Id, string Code, string Text, ObjectiveResult? Result, string? Evidence, string? Strengths,
    string? AreasForImprovement);
