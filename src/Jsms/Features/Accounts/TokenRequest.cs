namespace Jsms.Features.Accounts;

internal sealed record TokenRequest(string? Username, string? Password, string? Totp);
