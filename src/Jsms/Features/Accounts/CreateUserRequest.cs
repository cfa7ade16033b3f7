namespace Jsms.Features.Accounts;

internal sealed record CreateUserRequest(string? Username, string? DisplayName, string? Agency, string[]? Roles, string? Password);
