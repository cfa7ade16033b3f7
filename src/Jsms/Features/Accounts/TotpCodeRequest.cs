namespace Jsms.Features.Accounts;

internal sealed record TotpCodeRequest(string? Code);
