namespace Jsms.Features.Intelligence;

internal sealed record AnswerRfiRequest(string? Text, string[]? StixIds);
