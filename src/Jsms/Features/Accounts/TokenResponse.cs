namespace Jsms.Features.Accounts;

internal sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, DateTime ExpiresAt, Guid TokenId);
