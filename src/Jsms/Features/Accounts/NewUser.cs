namespace Jsms.Features.Accounts;

internal sealed record NewUser(string Username, string DisplayName, string AgencyCode, IReadOnlyList<string> Roles, string Password);
