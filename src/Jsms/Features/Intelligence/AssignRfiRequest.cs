namespace Jsms.Features.Intelligence;

internal sealed record AssignRfiRequest(string? User);
