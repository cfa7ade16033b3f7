namespace Jsms.Features.Exercises;

internal sealed record ImprovementStatusRequest(string? Status);
