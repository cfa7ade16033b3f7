namespace Jsms.Features.Accounts;

/// <summary>The answer to a password reset: the temporary password, shown this once; the user must replace it at sign-in.</summary>
internal sealed record TemporaryPasswordDto(Guid UserId, string Username, string TemporaryPassword);
