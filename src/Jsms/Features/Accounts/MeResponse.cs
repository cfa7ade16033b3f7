namespace Jsms.Features.Accounts;

internal sealed record MeResponse(Guid Id, string Username, Guid AgencyId, IReadOnlyList<string> Roles);
