namespace Jsms.Features.Accounts;

internal enum SignInOutcome { Success, InvalidCredentials, LockedOut, Disabled, TotpRequired, InvalidTotp, Throttled }
