namespace Jsms.Features.Protection;

/// <summary>A partner's person deployed under a host's consent, as a movement names them (no passport: that stays on the request).</summary>
internal sealed record PartnerPersonDto(Guid Id, string Name, string? Rank, string? Role, string Agency, string HostState, Guid ConsentId,
    string ConsentStatus);
