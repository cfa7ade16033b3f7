using Jsms.Platform.Partners;
namespace Jsms.Features.Partners;

internal sealed record CreatePartnershipRequest(string? Name, PartnershipKind? Kind, string? Description, DateOnly? EstablishedOn, MemberRequest[]? Members);
