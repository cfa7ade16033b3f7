namespace Jsms.Features.Exercises;

internal sealed record ObjectiveRequest(string? Code, string? Text);
