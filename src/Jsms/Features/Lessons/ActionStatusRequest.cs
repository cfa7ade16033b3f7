namespace Jsms.Features.Lessons;

internal sealed record ActionStatusRequest(string? Status);
