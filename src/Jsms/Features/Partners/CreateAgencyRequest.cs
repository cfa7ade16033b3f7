using Jsms.Platform.Partners;
namespace Jsms.Features.Partners;

internal sealed record CreateAgencyRequest(string? Code, string? Name, AgencyKind? Kind, string? State);
