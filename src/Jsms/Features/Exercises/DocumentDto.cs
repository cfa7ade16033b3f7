namespace Jsms.Features.Exercises;

internal sealed record DocumentDto(string Name, string? Url, string? Text);
