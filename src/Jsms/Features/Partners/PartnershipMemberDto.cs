using Jsms.Platform.Partners;
namespace Jsms.Features.Partners;

internal sealed record PartnershipMemberDto(Guid AgencyId, string AgencyCode, string AgencyName, PartnershipRole Role);
