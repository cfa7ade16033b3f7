namespace Jsms.Features.Partners;

internal sealed record CreateAgreementRequest(string? Title, string? Parties, DateOnly? SignedOn, string? Scope);
