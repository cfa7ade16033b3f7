namespace Jsms.Features.Intelligence;

/// <summary>What one push did: batches POSTed, objects the remote accepted (added or already present) and refused.</summary>
internal sealed record PushResult(bool Ok, int Batches, int Accepted, int Refused, string? Error);
