namespace Jsms.Features.Exercises;

internal sealed record DocumentRequest(string? Name, string? Url, string? Text);
