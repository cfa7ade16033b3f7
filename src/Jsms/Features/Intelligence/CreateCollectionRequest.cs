namespace Jsms.Features.Intelligence;

internal sealed record CreateCollectionRequest(string? Title, string? Description, string? DefaultTlp);
