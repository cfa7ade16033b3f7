using Jsms.Platform.Partners;
namespace Jsms.Features.Partners;

internal sealed record AgencyDto(Guid Id, string Code, string Name, AgencyKind Kind, string StateIsoCode, string StateName);
