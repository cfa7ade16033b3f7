namespace Jsms.Features.Exercises;

internal sealed record ObjectiveResultRequest(string? Result, string? Evidence, string? Strengths, string? AreasForImprovement);
