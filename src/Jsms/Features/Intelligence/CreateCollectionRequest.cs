namespace Jsms.Features.Intelligence;

public sealed record CreateCollectionRequest(string? Title, string? Description, string? DefaultTlp);
