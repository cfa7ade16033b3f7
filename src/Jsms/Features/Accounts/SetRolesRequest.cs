namespace Jsms.Features.Accounts;

internal sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
