namespace Jsms.Features.Accounts;

/// <summary>A user as administrators see them; <c>Locked</c>: an Identity lockout or enough recent failed sign-ins to slow attempts at the account.</summary>
internal sealed record UserSummary(Guid Id, string Username, string DisplayName, string AgencyCode, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactor,
    bool Locked = false, bool PasswordChangeRequired = false);
