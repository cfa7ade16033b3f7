namespace Jsms.Features.Accounts;

internal sealed record TotpStatus(bool Enabled);
