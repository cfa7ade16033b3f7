namespace Jsms.Features.Consultations;

/// <summary>Only the members given are changed; at least one is required.</summary>
internal sealed record UpdateCommitmentRequest(string? Status, int? PercentComplete, string? DueOn);
