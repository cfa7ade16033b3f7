namespace Jsms.Features.Accounts;

internal sealed record UserSummary(Guid Id, string Username, string DisplayName, string AgencyCode, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactor);
