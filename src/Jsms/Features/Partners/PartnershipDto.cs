using Jsms.Platform.Partners;
namespace Jsms.Features.Partners;

internal sealed record PartnershipDto(Guid Id, string Name, PartnershipKind Kind, string? Description, DateOnly? EstablishedOn,
    IReadOnlyList<PartnershipMemberDto> Members, IReadOnlyList<AgreementDto> Agreements);
