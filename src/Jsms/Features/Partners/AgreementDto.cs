namespace Jsms.Features.Partners;

internal sealed record AgreementDto(Guid Id, string Title, string Parties, DateOnly? SignedOn, string Scope);
