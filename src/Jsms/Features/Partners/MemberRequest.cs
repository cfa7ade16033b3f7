using Jsms.Platform.Partners;
namespace Jsms.Features.Partners;

internal sealed record MemberRequest(string? Agency, PartnershipRole? Role);
