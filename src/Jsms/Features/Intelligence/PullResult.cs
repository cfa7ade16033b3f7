namespace Jsms.Features.Intelligence;

/// <summary>What one pull did.</summary>
internal sealed record PullResult(bool Ok, int Pages, int Accepted, int Refused, string? Error);
