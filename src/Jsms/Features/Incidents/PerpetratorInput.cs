namespace Jsms.Features.Incidents;

/// <summary>A perpetrator group as clients write it; <see cref="Claimed"/> defaults to Unknown.</summary>
internal sealed record PerpetratorInput(string? Name, ClaimStatus? Claimed, string? ClaimMode, string? StixThreatActorId);
