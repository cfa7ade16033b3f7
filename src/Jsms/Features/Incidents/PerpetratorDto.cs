namespace Jsms.Features.Incidents;

internal sealed record PerpetratorDto(string Name, ClaimStatus Claimed, string? ClaimMode, string? StixThreatActorId);
